import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKeyInput, ApiKeySummary, AuditAction, AuditEntry, Person, PersonInput, Role } from '../../../../domain/people';
import { apiRequest } from '../../../lib/api-client';

/** People, API keys and the audit trail: the requests of the People, API keys and Activity screens. */
const peopleKeys = {
  people: ['people'] as const,
  apiKeys: ['me', 'api-keys'] as const,
  audit: (filters: AuditFilters) => ['audit', filters] as const,
};

const peopleQueryOptions = () =>
  queryOptions({
    queryKey: peopleKeys.people,
    queryFn: async ({ signal }) => (await apiRequest<{ items: Person[] }>('/api/people', { signal })).data.items,
  });

export const usePeople = (enabled = true) => useQuery({ ...peopleQueryOptions(), enabled });

export interface AddedPerson {
  person: Person;
  /** Only when no password was given: the one-time link that lets the person set one (7 days). */
  inviteUrl?: string;
}

export function useAddPerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: PersonInput) => (await apiRequest<AddedPerson>('/api/people', { method: 'POST', body: input })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKeys.people }),
  });
}

export function useUpdatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, patch }: { id: string; patch: { role?: Role; active?: boolean } }) =>
      (await apiRequest<Person>(`/api/people/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKeys.people }),
  });
}

const apiKeysQueryOptions = () =>
  queryOptions({
    queryKey: peopleKeys.apiKeys,
    queryFn: async ({ signal }) => (await apiRequest<{ items: ApiKeySummary[] }>('/api/me/api-keys', { signal })).data.items,
  });

export const useApiKeys = () => useQuery(apiKeysQueryOptions());

export interface CreatedApiKey {
  id: string;
  name: string;
  role: Role;
  /** Shown once: the server keeps only its hash. */
  key: string;
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: ApiKeyInput) => (await apiRequest<CreatedApiKey>('/api/me/api-keys', { method: 'POST', body: input })).data,
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKeys.apiKeys }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await apiRequest<void>(`/api/me/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKeys.apiKeys }),
  });
}

export interface AuditFilters {
  botId?: string;
  /** The actor's id, as entries name it. */
  actor?: string;
  action?: AuditAction;
  /** An ISO date and time. */
  since?: string;
}

const AUDIT_PAGE_SIZE = 50;

const auditQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: peopleKeys.audit(filters),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
      for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
      if (pageParam) params.set('cursor', pageParam);
      return (await apiRequest<{ items: AuditEntry[]; nextCursor: string | null }>(`/api/audit?${params}`, { signal })).data;
    },
    getNextPageParam: (page) => page.nextCursor,
  });

export const useAudit = (filters: AuditFilters) => useInfiniteQuery(auditQueryOptions(filters));

/** The bots the Activity screen's filter offers: the first page, by name, as the API lists them. */
export const useBotChoices = () =>
  useQuery({
    queryKey: ['bots', 'choices'] as const,
    queryFn: async ({ signal }) =>
      (await apiRequest<{ items: { id: string; name: string }[] }>('/api/bots?limit=100', { signal })).data.items,
    staleTime: 30_000,
  });
