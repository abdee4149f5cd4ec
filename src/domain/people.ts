import { z } from 'zod';
import { ROLES, type Role } from './roles';

export { lowerRole, ROLES, roleAllows, roleRank, type Role } from './roles';

/** People, roles, API keys and the audit trail: one definition for the forms, the API and OpenAPI. */
export const roleSchema = z.enum(ROLES, { error: 'role must be viewer, builder or admin.' });

/**
 * A person's role on one bot (PUT /api/bots/:botId/members/:personId): it replaces their own role there,
 * above or below it; `none` hides the bot from them. Admins stay admins on every bot.
 */
export const BOT_MEMBER_ROLES = ['none', ...ROLES] as const;
export type BotMemberRole = (typeof BOT_MEMBER_ROLES)[number];
export const botMemberInputSchema = z.strictObject({
  role: z.enum(BOT_MEMBER_ROLES, { error: 'role must be none, viewer, builder or admin.' }),
});
export const botMemberSchema = z.object({
  botId: z.string(),
  personId: z.string(),
  name: z.string(),
  email: z.string(),
  /** Their role everywhere else. */
  globalRole: roleSchema,
  role: z.enum(BOT_MEMBER_ROLES),
});
export type BotMember = z.infer<typeof botMemberSchema>;

/** A person's role on a bot: the member role when set, else their own; null when the bot is hidden from them. */
export function roleOnBot(globalRole: Role, memberRole: BotMemberRole | undefined): Role | null {
  if (globalRole === 'admin' || memberRole === undefined) return globalRole;
  return memberRole === 'none' ? null : memberRole;
}

export const AUTH_MODES = ['none', 'accounts', 'oidc'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** Who made a change, as revisions and the audit trail keep it (copied, so it outlives the person or key). */
export const authorSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['person', 'api-key', 'local']),
});
export type Author = z.infer<typeof authorSchema>;

/** The author of everything done with AUTH=none. */
export const LOCAL_AUTHOR: Author = { id: 'local', name: 'Local builder', kind: 'local' };

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  authMode: z.enum(AUTH_MODES),
});
export type Me = z.infer<typeof meSchema>;

export const signInInputSchema = z.strictObject({
  email: z.email({ error: 'Enter an email address such as ana@example.com.' }),
  password: z.string().min(1, { error: 'Enter your password.' }),
});

export const personSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
  createdAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

/** better-auth's minimum length for a password. */
export const MIN_PASSWORD_LENGTH = 8;

export const personInputSchema = z.strictObject({
  email: z.email({ error: 'Enter an email address such as ana@example.com.' }).max(254),
  name: z.string().trim().min(1, { error: 'Enter a name.' }).max(200),
  role: roleSchema,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, { error: `A password has at least ${MIN_PASSWORD_LENGTH} characters.` })
    .max(128)
    .optional(),
});
export type PersonInput = z.infer<typeof personInputSchema>;

export const personPatchSchema = z.strictObject({
  role: roleSchema.optional(),
  active: z.boolean().optional(),
});

export const apiKeyInputSchema = z.strictObject({
  name: z.string().trim().min(1, { error: 'Name the key (what uses it), such as "QA e2e".' }).max(100),
  role: roleSchema.optional(),
  expiresAt: z.iso.datetime({ offset: true, error: 'expiresAt is a date and time such as 2027-01-31T00:00:00Z.' }).optional(),
});
export type ApiKeyInput = z.infer<typeof apiKeyInputSchema>;

export const apiKeySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
  /** The first characters, so a person can tell keys apart; never the key. */
  start: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiKeySummary = z.infer<typeof apiKeySummarySchema>;

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'create',
  'save',
  'rename',
  'delete',
  'restore',
  'release',
  'import',
  'export',
  'test-run',
  'role-change',
  'person-added',
  'person-deactivated',
  'person-reactivated',
  'key-created',
  'key-revoked',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: authorSchema,
  action: z.enum(AUDIT_ACTIONS),
  botId: z.string().optional(),
  integrationId: z.string().optional(),
  summary: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
