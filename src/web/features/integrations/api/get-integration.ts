import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Integration } from '../../../../domain/integration';
import { apiRequest } from '../../../lib/api-client';
import { integrationKeys } from './integration-keys';
import { integrationPath } from './integration-path';

async function getIntegration(botId: string, id: string, signal?: AbortSignal): Promise<Integration> {
  return (await apiRequest<Integration>(integrationPath(botId, id), { signal })).data;
}

export const integrationQueryOptions = (botId: string, id: string) =>
  queryOptions({
    queryKey: integrationKeys.detail(botId, id),
    queryFn: ({ signal }) => getIntegration(botId, id, signal),
  });

export const useIntegration = (botId: string, id: string) => useQuery(integrationQueryOptions(botId, id));
