import { useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/states';
import { useIntegration } from '../../features/integrations/api/get-integration';
import { IntegrationForm } from '../../features/integrations/components/integration-form';
import { useSkillDirectoryQuery } from './use-skill-directory-query';

export function Component() {
  const { botId = '', integrationId = '' } = useParams();
  const query = useIntegration(botId, integrationId);
  const skillDirectory = useSkillDirectoryQuery();
  if (query.isPending) return <LoadingState label="Loading the integration…" />;
  if (query.isError) {
    return <ErrorState title="Could not load this integration" error={query.error} onRetry={() => void query.refetch()} />;
  }
  // Keyed by id only: a newer version arriving in the cache must not wipe edits in progress.
  return <IntegrationForm key={integrationId} botId={botId} integration={query.data} skillDirectory={skillDirectory} />;
}
