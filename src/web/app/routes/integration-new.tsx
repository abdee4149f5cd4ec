import { useParams } from '../../lib/history-router';
import { IntegrationForm } from '../../features/integrations/components/form/integration-form';
import { DirectoriesProvider } from '../../features/integrations/components/directory-pickers/directories-context';
import { useFormDirectories } from './use-form-directories';

export function Component() {
  const { botId = '' } = useParams();
  const directories = useFormDirectories();
  return (
    <DirectoriesProvider value={directories}>
      <IntegrationForm key="new" botId={botId} integration={null} />
    </DirectoriesProvider>
  );
}
