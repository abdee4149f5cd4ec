import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { IntegrationSummary } from '../../../../domain/integration';
import type { Page } from '../../../../domain/page';
import { apiRequest } from '../../../lib/api-client';
import { integrationKeys } from './integration-keys';
import { apiReads } from '../../../../domain/first-reads';

export async function getIntegrations(
  botId: string,
  q: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<IntegrationSummary>> {
  return (await apiRequest<Page<IntegrationSummary>>(apiReads.integrationsPage(botId, q, cursor), { signal })).data;
}

export const integrationsQueryOptions = (botId: string, q: string) =>
  infiniteQueryOptions({
    queryKey: integrationKeys.list(botId, q),
    queryFn: ({ pageParam, signal }) => getIntegrations(botId, q, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // While a new filter loads, the previous result stays instead of a loading flash.
    placeholderData: keepPreviousData,
  });

export const useIntegrations = (botId: string, q: string) => useInfiniteQuery(integrationsQueryOptions(botId, q));
