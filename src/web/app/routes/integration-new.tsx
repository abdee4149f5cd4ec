import { useParams } from '../../lib/history-router';
import { IntegrationForm } from '../../features/integrations/components/form/integration-form';
import { ResourceDirectoriesProvider } from '../../features/integrations/components/directory-pickers/resource-directories-context';
import { useFormDirectories } from './use-form-directories';

export function Component() {
  const { botId = '' } = useParams();
  const { skillDirectory, directories } = useFormDirectories();
  return (
    <ResourceDirectoriesProvider value={directories}>
      <IntegrationForm key="new" botId={botId} integration={null} skillDirectory={skillDirectory} />
    </ResourceDirectoriesProvider>
  );
}
