import { useQueryClient } from '@tanstack/react-query';
import { useParams } from '../../lib/history-router';
import type { Integration } from '../../../domain/integration';
import { ErrorState, LoadingState } from '../../components/states';
import { integrationQueryOptions, useIntegration } from '../../features/integrations/api/get-integration';
import { integrationKeys } from '../../features/integrations/api/integration-keys';
import { upsertInListCache } from '../../features/integrations/api/update-integrations-cache';
import { testCaseKeys } from '../../features/integrations/api/test-cases';
import { IntegrationForm } from '../../features/integrations/components/form/integration-form';
import { DirectoriesProvider } from '../../components/directory-pickers/directories-context';
import { FormEnvironmentProvider } from '../../features/integrations/components/environment/form-environment';
import { useFormEnvironmentOf } from './use-form-environment';
import { useFormDirectories } from './use-form-directories';
import { HistoryButton } from '../../features/revisions/components/history-button';
import { MissingIntegration } from '../../features/integrations/components/recently-deleted/missing-integration';
import { isApiError } from '../../lib/api-client';

// The diff editor uses the form's Monaco setup (bundled workers, no CDN); the route hands it over so the features stay apart.
const loadMonaco = () => import('../../features/integrations/components/script-editor/monaco-setup');

export function Component() {
  const { botId = '', integrationId = '' } = useParams();
  const client = useQueryClient();
  const query = useIntegration(botId, integrationId);
  const directories = useFormDirectories();
  const environment = useFormEnvironmentOf(botId);
  if (query.isPending) return <LoadingState label="Loading the integration…" shape="form" />;
  if (query.isError) {
    // Said in words: what the integration was and Restore when it was deleted, never a bare id and a Retry that cannot help.
    if (isApiError(query.error) && query.error.status === 404) return <MissingIntegration botId={botId} integrationId={integrationId} />;
    return <ErrorState title="Could not load this integration" error={query.error} onRetry={() => void query.refetch()} />;
  }
  const remember = (stored: Integration) => {
    client.setQueryData(integrationKeys.detail(botId, stored.id), stored);
    upsertInListCache(client, botId, stored);
  };
  // Keyed by id only: a newer version arriving in the cache must not wipe edits in progress.
  return (
    <DirectoriesProvider value={directories}>
      <FormEnvironmentProvider value={environment.value} choices={environment.choices}>
        <IntegrationForm
          key={integrationId}
          botId={botId}
          integration={query.data}
          headerActions={({ isDirty, load }) => (
            <HistoryButton
              botId={botId}
              integration={query.data}
              isDirty={isDirty}
              loadMonaco={loadMonaco}
              onLoaded={(stored) => {
                remember(stored);
                load(stored);
                // A restore brings back the revision's test cases too.
                void client.invalidateQueries({ queryKey: testCaseKeys.list(botId, stored.id) });
              }}
              reloadLatest={async () => {
                const latest = await client.fetchQuery({ ...integrationQueryOptions(botId, integrationId), staleTime: 0 });
                remember(latest);
                load(latest);
              }}
            />
          )}
        />
      </FormEnvironmentProvider>
    </DirectoriesProvider>
  );
}
