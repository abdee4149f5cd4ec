import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IntegrationSummary } from '../../../../domain/integration';
import { apiRequest, etagOf } from '../../../lib/api-client';
import { invalidateBotDialogs } from '../../../lib/bot-dialog-keys';
import { integrationKeys } from './integration-keys';
import { integrationPath } from './integration-path';
import { removeFromListCache } from './update-integrations-cache';

type DeleteTarget = Pick<IntegrationSummary, 'id' | 'version'> & {
  /** Delete although dialogs use it (the user saw the usages): without it, a used integration answers 409. */
  force?: boolean;
};

async function deleteIntegration(botId: string, integration: DeleteTarget): Promise<void> {
  await apiRequest<void>(`${integrationPath(botId, integration.id)}${integration.force ? '?force=true' : ''}`, {
    method: 'DELETE',
    ifMatch: etagOf(integration.version),
  });
}

export function useDeleteIntegration(botId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (integration: DeleteTarget) => deleteIntegration(botId, integration),
    onSuccess: (_, integration) => {
      removeFromListCache(client, botId, integration.id);
      client.removeQueries({ queryKey: integrationKeys.detail(botId, integration.id) });
      void client.invalidateQueries({ queryKey: integrationKeys.deleted(botId) });
      // Its custom data fields or its existence are what the checks and the usages read.
      void invalidateBotDialogs(client, botId);
    },
  });
}
