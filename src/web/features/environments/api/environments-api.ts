import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Environment, EnvironmentInput, EnvironmentPatch } from '../../../../domain/environments';
import { apiRequest, etagOf } from '../../../lib/api-client';

const environmentKeys = { all: ['environments'] as const };

const environmentsQueryOptions = () =>
  queryOptions({
    queryKey: environmentKeys.all,
    queryFn: async ({ signal }) => (await apiRequest<{ items: Environment[] }>('/api/environments', { signal })).data.items,
  });

export const useEnvironments = () => useQuery(environmentsQueryOptions());

const pathOf = (id: string) => `/api/environments/${encodeURIComponent(id)}`;

export function useCreateEnvironment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: EnvironmentInput) =>
      (await apiRequest<Environment>('/api/environments', { method: 'POST', body: input })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: environmentKeys.all }),
  });
}

/** With If-Match: a stale version is refused (412), never overwritten. */
export function useUpdateEnvironment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ environment, patch }: { environment: Environment; patch: EnvironmentPatch }) =>
      (await apiRequest<Environment>(pathOf(environment.id), { method: 'PATCH', body: patch, ifMatch: etagOf(environment.version) })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: environmentKeys.all }),
  });
}

export function useDeleteEnvironment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ environment, force }: { environment: Environment; force: boolean }) => {
      await apiRequest<void>(`${pathOf(environment.id)}${force ? '?force=true' : ''}`, {
        method: 'DELETE',
        ifMatch: etagOf(environment.version),
      });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: environmentKeys.all }),
  });
}
