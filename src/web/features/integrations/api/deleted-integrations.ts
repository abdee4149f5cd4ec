import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Integration } from '../../../../domain/integration';
import type { DeletedIntegration } from '../../../../domain/revision';
import { apiRequest, etagOf } from '../../../lib/api-client';
import { invalidateBotDialogs } from '../../../lib/bot-dialog-keys';
import { integrationKeys } from './integration-keys';
import { integrationPath } from './integration-path';
import { upsertInListCache } from './update-integrations-cache';

/** The bot's deleted integrations, the latest first (GET /api/bots/:botId/deleted-integrations). */
async function getDeletedIntegrations(botId: string, signal?: AbortSignal): Promise<DeletedIntegration[]> {
  return (await apiRequest<{ items: DeletedIntegration[] }>(`/api/bots/${encodeURIComponent(botId)}/deleted-integrations`, { signal })).data
    .items;
}

const deletedIntegrationsQueryOptions = (botId: string) =>
  queryOptions({
    queryKey: integrationKeys.deleted(botId),
    queryFn: ({ signal }) => getDeletedIntegrations(botId, signal),
    // Every delete and restore changes it.
    staleTime: 0,
  });

export const useDeletedIntegrations = (botId: string, enabled = true) => useQuery({ ...deletedIntegrationsQueryOptions(botId), enabled });

/** What a restore needs: the last saved version, and the deletion's version as If-Match. */
type RestoreTarget = Pick<DeletedIntegration, 'id' | 'restoreVersion' | 'deletedVersion'>;

/** Saves the last state before the deletion again, under the same id: dialogs that name it find it again. */
async function restoreDeletedIntegration(botId: string, target: RestoreTarget): Promise<Integration> {
  return (
    await apiRequest<Integration>(`${integrationPath(botId, target.id)}/revisions/${target.restoreVersion}/restore`, {
      method: 'POST',
      ifMatch: etagOf(target.deletedVersion),
    })
  ).data;
}

export function useRestoreDeletedIntegration(botId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (target: RestoreTarget) => restoreDeletedIntegration(botId, target),
    onSuccess: (restored) => restoredIntegration(client, botId, restored),
  });
}

/** A restored integration is in the list, readable, out of Recently deleted, and back in the checks and usages. */
function restoredIntegration(client: ReturnType<typeof useQueryClient>, botId: string, restored: Integration): void {
  client.setQueryData(integrationKeys.detail(botId, restored.id), restored);
  upsertInListCache(client, botId, restored);
  void client.invalidateQueries({ queryKey: integrationKeys.deleted(botId) });
  void invalidateBotDialogs(client, botId);
}
