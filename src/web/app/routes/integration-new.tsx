import { useParams } from 'react-router';
import { IntegrationForm } from '../../features/integrations/components/integration-form';

export function Component() {
  const { botId = '' } = useParams();
  return <IntegrationForm key="new" botId={botId} integration={null} />;
}
