import { useParams } from '../../lib/history-router';
import { IntegrationForm } from '../../features/integrations/components/form/integration-form';
import { useSkillDirectoryQuery } from './use-skill-directory-query';
import { ResourceDirectoriesProvider } from '../../features/integrations/components/directory-pickers/resource-directories-context';
import { useResourceDirectoriesQuery } from './use-resource-directories-query';

export function Component() {
  const { botId = '' } = useParams();
  const skillDirectory = useSkillDirectoryQuery();
  const directories = useResourceDirectoriesQuery();
  return (
    <ResourceDirectoriesProvider value={directories}>
      <IntegrationForm key="new" botId={botId} integration={null} skillDirectory={skillDirectory} />
    </ResourceDirectoriesProvider>
  );
}
