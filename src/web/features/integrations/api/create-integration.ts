import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Integration, IntegrationValues } from '../../../../domain/integration';
import { apiRequest } from '../../../lib/api-client';
import { integrationKeys } from './integration-keys';
import { integrationsPath } from './integration-path';
import type { StoredCallback } from './update-integration';
import { upsertInListCache } from './update-integrations-cache';

async function createIntegration(botId: string, input: IntegrationValues): Promise<Integration> {
  return (await apiRequest<Integration>(integrationsPath(botId), { method: 'POST', body: input })).data;
}

export function useCreateIntegration(botId: string, { onStored }: StoredCallback = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: IntegrationValues) => createIntegration(botId, input),
    onSuccess: (created) => {
      // Not waited for, unlike an update: a create goes on to the stored integration's form, and the
      // focus carried over to it was lost now and then when that waited a frame for the toast.
      void onStored?.(created);
      client.setQueryData(integrationKeys.detail(botId, created.id), created);
      upsertInListCache(client, botId, created);
    },
  });
}
