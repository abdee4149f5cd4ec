import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DirectoryEntry, DirectoryPage } from '../../../../domain/directories/directory-usage';
import { apiRequest, etagOf } from '../../../lib/api-client';

/** A directory's API: its descriptor's `path`, which also names its cached queries. */
type Path = `/api/${string}`;
const entryPath = (path: Path, id: string) => `${path}/${encodeURIComponent(id)}`;

/** A local entry's version is its ETag: every write names it, so a stale one is refused (412), never overwritten. */
const ifMatchOf = (entry: DirectoryEntry) => (entry.version === undefined ? {} : { ifMatch: etagOf(entry.version) });

const directoryKeys = {
  all: (path: Path) => ['directories', path] as const,
  list: (path: Path, q = '') => [...directoryKeys.all(path), 'list', q] as const,
};

async function getDirectory(path: Path, q: string, signal?: AbortSignal): Promise<DirectoryPage> {
  const query = q.trim() ? `?${new URLSearchParams({ q: q.trim() })}` : '';
  return (await apiRequest<DirectoryPage>(`${path}${query}`, { signal })).data;
}

/** The whole directory without q: what the integration form's pickers search. */
export const directoryQueryOptions = (path: Path, q = '') =>
  queryOptions({
    queryKey: directoryKeys.list(path, q.trim()),
    queryFn: ({ signal }) => getDirectory(path, q, signal),
  });

// Keeps the previous rows on screen while a new search loads, so the table does not flash.
export const useDirectory = (path: Path, q = '') => useQuery({ ...directoryQueryOptions(path, q), placeholderData: keepPreviousData });

export function useCreateEntry(path: Path) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: Record<string, unknown>) => (await apiRequest<DirectoryEntry>(path, { method: 'POST', body: input })).data,
    // Every search and the form's directory may now differ: refetch them all.
    onSuccess: () => client.invalidateQueries({ queryKey: directoryKeys.all(path) }),
  });
}

/** The Undo of a delete: the server puts the entry back as it was (a credential with its secrets, which no client has). */
export function useRestoreEntry(path: Path) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (entry: Pick<DirectoryEntry, 'id'>) =>
      (await apiRequest<DirectoryEntry>(`${entryPath(path, entry.id)}/restore`, { method: 'POST' })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: directoryKeys.all(path) }),
  });
}

/** Rename (and other changes): integrations refer to entries by id, so they follow. */
export function useUpdateEntry(path: Path) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ entry, patch }: { entry: DirectoryEntry; patch: Record<string, unknown> }) =>
      (await apiRequest<DirectoryEntry>(entryPath(path, entry.id), { method: 'PATCH', body: patch, ...ifMatchOf(entry) })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: directoryKeys.all(path) }),
  });
}

export function useDeleteEntry(path: Path) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (entry: DirectoryEntry) => {
      await apiRequest<void>(entryPath(path, entry.id), { method: 'DELETE', ...ifMatchOf(entry) });
    },
    onSuccess: (_, entry) => {
      // Gone at once from every cached search, then refetched.
      client.setQueriesData<DirectoryPage>({ queryKey: directoryKeys.all(path) }, (data) =>
        data ? { ...data, items: data.items.filter((item) => item.id !== entry.id) } : data,
      );
      return client.invalidateQueries({ queryKey: directoryKeys.all(path) });
    },
  });
}
