import { useParams } from 'react-router';
import { IntegrationForm } from '../../features/integrations/components/integration-form';
import { useSkillDirectoryQuery } from './use-skill-directory-query';

export function Component() {
  const { botId = '' } = useParams();
  const skillDirectory = useSkillDirectoryQuery();
  return <IntegrationForm key="new" botId={botId} integration={null} skillDirectory={skillDirectory} />;
}
