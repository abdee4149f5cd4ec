import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IntegrationSummary } from '../../../../domain/integration';
import { apiRequest, etagOf } from '../../../lib/api-client';
import { integrationKeys } from './integration-keys';
import { integrationPath } from './integration-path';
import { removeFromListCache } from './update-integrations-cache';

export async function deleteIntegration(botId: string, integration: Pick<IntegrationSummary, 'id' | 'version'>): Promise<void> {
  await apiRequest<void>(integrationPath(botId, integration.id), {
    method: 'DELETE',
    ifMatch: etagOf(integration.version),
  });
}

export function useDeleteIntegration(botId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (integration: Pick<IntegrationSummary, 'id' | 'version'>) => deleteIntegration(botId, integration),
    onSuccess: (_, integration) => {
      removeFromListCache(client, botId, integration.id);
      client.removeQueries({ queryKey: integrationKeys.detail(botId, integration.id) });
    },
  });
}
