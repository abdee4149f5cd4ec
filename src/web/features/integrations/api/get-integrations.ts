import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { IntegrationSummary } from '../../../../domain/integration';
import type { Page } from '../../../../domain/page';
import { apiRequest } from '../../../lib/api-client';
import { integrationKeys } from './integration-keys';
import { apiReads } from '../../../../domain/first-reads';
import type { IntegrationType } from '../../../../domain/integration-types';

async function getIntegrations(
  botId: string,
  q: string,
  cursor: string | null,
  signal?: AbortSignal,
  type: IntegrationType | '' = '',
): Promise<Page<IntegrationSummary>> {
  return (await apiRequest<Page<IntegrationSummary>>(apiReads.integrationsPage(botId, q, cursor, type), { signal })).data;
}

export const integrationsQueryOptions = (botId: string, q: string, type: IntegrationType | '' = '') =>
  infiniteQueryOptions({
    queryKey: integrationKeys.list(botId, q, type),
    queryFn: ({ pageParam, signal }) => getIntegrations(botId, q, pageParam, signal, type),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // While a new filter loads, the previous result stays instead of a loading flash.
    placeholderData: keepPreviousData,
  });

export const useIntegrations = (botId: string, q: string, type: IntegrationType | '' = '') =>
  useInfiniteQuery(integrationsQueryOptions(botId, q, type));

/**
 * True once the unfiltered list has had its first answer (or its error), and from then on for this bot:
 * a filter or a garbage-collected list does not make what waited for it wait again.
 */
export function useIntegrationsAnswered(botId: string): boolean {
  const cache = useQueryClient().getQueryCache();
  const answeredFor = useRef<string | null>(null);
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  return useSyncExternalStore(subscribe, () => {
    if (answeredFor.current !== botId) {
      const status = cache.find({ queryKey: integrationKeys.list(botId, ''), exact: true })?.state.status;
      if (status === 'success' || status === 'error') answeredFor.current = botId;
    }
    return answeredFor.current === botId;
  });
}
