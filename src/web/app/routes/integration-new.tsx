import { useParams } from '../../lib/history-router';
import { IntegrationForm } from '../../features/integrations/components/form/integration-form';
import { DirectoriesProvider } from '../../components/directory-pickers/directories-context';
import { FormEnvironmentProvider } from '../../features/integrations/components/environment/form-environment';
import { useFormEnvironmentOf } from './use-form-environment';
import { useFormDirectories } from './use-form-directories';

export function Component() {
  const { botId = '' } = useParams();
  const directories = useFormDirectories();
  const environment = useFormEnvironmentOf(botId);
  return (
    <DirectoriesProvider value={directories}>
      <FormEnvironmentProvider value={environment.value} choices={environment.choices}>
        <IntegrationForm key="new" botId={botId} integration={null} />
      </FormEnvironmentProvider>
    </DirectoriesProvider>
  );
}
