import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '../../domain/people';
import { roleAllows, type Role } from '../../domain/roles';
import { apiRequest } from './api-client';

/**
 * Who is signed in, with which role. Every screen reads it to leave out what the role cannot do; the API
 * decides all the same, so this is about not offering a button that can only be refused.
 */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['me'] as const,
    queryFn: async ({ signal }) => (await apiRequest<Me>('/api/me', { signal })).data,
    staleTime: 60_000,
  });

/** `enabled` false where nobody is signed in yet (the invite page): a 401 there would ask for a sign-in. */
export const useMe = (enabled = true) => useQuery({ ...meQueryOptions(), enabled });

/**
 * Whether the person may do what `needed` allows. While /api/me is on its way, nothing that writes is offered:
 * it comes a moment later for those who may, rather than flashing away for those who may not.
 */
export function useCan(needed: Role): boolean {
  const { data } = useMe();
  return data ? roleAllows(data.role, needed) : false;
}

/** Why a screen is read-only, in one line, or null when the role may change it. */
export function useReadOnlyReason(needed: Role = 'builder'): string | null {
  const { data } = useMe();
  if (!data || roleAllows(data.role, needed)) return null;
  return `Read-only: your role is ${data.role}; changing this needs the ${needed} role.`;
}
