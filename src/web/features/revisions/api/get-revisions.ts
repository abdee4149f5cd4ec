import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RevisionSummary } from '../../../../domain/revision';
import { apiRequest } from '../../../lib/api-client';
import { revisionKeys, revisionsPath } from './revision-keys';

/** Newest first, as the server orders them. */
async function getRevisions(botId: string, id: string, signal?: AbortSignal): Promise<RevisionSummary[]> {
  return (await apiRequest<{ items: RevisionSummary[] }>(revisionsPath(botId, id), { signal })).data.items;
}

const revisionsQueryOptions = (botId: string, id: string) =>
  queryOptions({
    queryKey: revisionKeys.list(botId, id),
    queryFn: ({ signal }) => getRevisions(botId, id, signal),
    // Every save adds one: the drawer must not show a list from before the last save.
    staleTime: 0,
  });

export const useRevisions = (botId: string, id: string) => useQuery(revisionsQueryOptions(botId, id));
