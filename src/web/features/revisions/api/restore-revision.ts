import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Integration } from '../../../../domain/integration';
import { apiRequest, etagOf } from '../../../lib/api-client';
import { revisionKeys, revisionsPath } from './revision-keys';

interface RestoreVariables {
  integrationId: string;
  version: number;
  /** The version the user sees as current: a newer one on the server answers 412. */
  currentVersion: number;
}

/** Saves an old revision again, as a new version. */
async function restoreRevision(botId: string, { integrationId, version, currentVersion }: RestoreVariables): Promise<Integration> {
  return (
    await apiRequest<Integration>(`${revisionsPath(botId, integrationId)}/${version}/restore`, {
      method: 'POST',
      ifMatch: etagOf(currentVersion),
    })
  ).data;
}

export function useRestoreRevision(botId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: RestoreVariables) => restoreRevision(botId, variables),
    // The list, and the current version's test cases (now those of the restore).
    onSuccess: (_restored, { integrationId }) => client.invalidateQueries({ queryKey: revisionKeys.all(botId, integrationId) }),
  });
}
