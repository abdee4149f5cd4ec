import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Revision } from '../../../../domain/revision';
import { apiRequest } from '../../../lib/api-client';
import { revisionKeys, revisionsPath } from './revision-keys';

export async function getRevision(botId: string, id: string, version: number, signal?: AbortSignal): Promise<Revision> {
  return (await apiRequest<Revision>(`${revisionsPath(botId, id)}/${version}`, { signal })).data;
}

/** A revision never changes once written, so it is cached for good. */
export const revisionQueryOptions = (botId: string, id: string, version: number) =>
  queryOptions({
    queryKey: revisionKeys.detail(botId, id, version),
    queryFn: ({ signal }) => getRevision(botId, id, version, signal),
    staleTime: Infinity,
  });

export const useRevision = (botId: string, id: string, version: number | null) =>
  useQuery({ ...revisionQueryOptions(botId, id, version ?? 0), enabled: version !== null });
