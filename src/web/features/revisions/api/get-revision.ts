import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Revision } from '../../../../domain/revision';
import { apiRequest } from '../../../lib/api-client';
import { revisionKeys, revisionsPath } from './revision-keys';

async function getRevision(botId: string, id: string, version: number, signal?: AbortSignal): Promise<Revision> {
  return (await apiRequest<Revision>(`${revisionsPath(botId, id)}/${version}`, { signal })).data;
}

/**
 * A revision never changes once the next save is written, so an earlier one is cached for good; the current
 * version's test cases still change until then (`current`: read again each time).
 */
const revisionQueryOptions = (botId: string, id: string, version: number, current = false) =>
  queryOptions({
    queryKey: revisionKeys.detail(botId, id, version),
    queryFn: ({ signal }) => getRevision(botId, id, version, signal),
    staleTime: current ? 0 : Infinity,
  });

export const useRevision = (botId: string, id: string, version: number | null, current = false) =>
  useQuery({ ...revisionQueryOptions(botId, id, version ?? 0, current), enabled: version !== null });
