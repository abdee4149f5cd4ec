import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DirectorySource, DirectoryUsage } from '../../../../domain/directories/directory-usage';
import { apiRequest } from '../../../lib/api-client';

/** The three resource directories beside Skills, by their API path. */
export type DirectoryKind = 'credentials' | 'functions' | 'knowledge-bases';

export interface DirectoryEntry {
  id: string;
  name: string;
  usedBy: DirectoryUsage[];
}

export interface DirectoryPage<T extends DirectoryEntry> {
  items: T[];
  /** Credentials are always local; functions and knowledge bases may be read from the LivePerson account. */
  source?: DirectorySource;
}

export const directoryKeys = {
  all: (kind: DirectoryKind) => ['directories', kind] as const,
  list: (kind: DirectoryKind, q = '') => [...directoryKeys.all(kind), 'list', q] as const,
};

export async function getDirectory<T extends DirectoryEntry>(
  kind: DirectoryKind,
  q: string,
  signal?: AbortSignal,
): Promise<DirectoryPage<T>> {
  const query = q.trim() ? `?${new URLSearchParams({ q: q.trim() })}` : '';
  return (await apiRequest<DirectoryPage<T>>(`/api/${kind}${query}`, { signal })).data;
}

/** The whole directory without q: what the integration form's pickers search. */
export const directoryQueryOptions = <T extends DirectoryEntry>(kind: DirectoryKind, q = '') =>
  queryOptions({
    queryKey: directoryKeys.list(kind, q.trim()),
    queryFn: ({ signal }) => getDirectory<T>(kind, q, signal),
  });

// Keeps the previous rows on screen while a new search loads, so the table does not flash.
export const useDirectory = <T extends DirectoryEntry>(kind: DirectoryKind, q = '') =>
  useQuery({
    ...directoryQueryOptions<T>(kind, q),
    placeholderData: keepPreviousData,
  });

export function useCreateEntry<Input, T extends DirectoryEntry>(kind: DirectoryKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: Input) => (await apiRequest<T>(`/api/${kind}`, { method: 'POST', body: input })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: directoryKeys.all(kind) }),
  });
}

/** Rename (and other changes): integrations refer to entries by id, so they follow. */
export function useUpdateEntry<T extends DirectoryEntry>(kind: DirectoryKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, patch }: { id: string; patch: Record<string, unknown> }) =>
      (
        await apiRequest<T>(`/api/${kind}/${encodeURIComponent(id)}`, {
          method: 'PATCH',
          body: patch,
        })
      ).data,
    onSuccess: () => client.invalidateQueries({ queryKey: directoryKeys.all(kind) }),
  });
}

export function useDeleteEntry(kind: DirectoryKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (entry: { id: string; name: string }) => {
      await apiRequest<void>(`/api/${kind}/${encodeURIComponent(entry.id)}`, {
        method: 'DELETE',
      });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: directoryKeys.all(kind) }),
  });
}
