/**
 * Roles are ordered; each can do what the ones before it can (Conversation Builder's view-only, Bot Builder,
 * Administrator). Apart from people.ts's schemas: the top bar asks what a role allows on every screen's
 * first load, which must not bring zod with it.
 */
export const ROLES = ['viewer', 'builder', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const roleRank = (role: Role): number => ROLES.indexOf(role);
export const roleAllows = (role: Role, needed: Role): boolean => roleRank(role) >= roleRank(needed);
export const lowerRole = (a: Role, b: Role): Role => (roleRank(a) <= roleRank(b) ? a : b);
