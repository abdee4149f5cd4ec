import { and, asc, desc, eq } from 'drizzle-orm';
import { defaultKeyHasher } from '@better-auth/api-key';
import { generateRandomString, hashPassword } from 'better-auth/crypto';
import {
  roleAllows,
  type ApiKeyInput,
  type ApiKeySummary,
  type Person,
  type PersonInput,
  type Role,
  roleSchema,
} from '../../domain/people';
import { currentActor, type Actor } from '../db/actor-context';
import { recordAudit } from '../db/audit';
import type { Database } from '../db/database';
import { violatedUniqueConstraint } from '../db/errors';
import { apiKeys, authAccounts, authSessions, authVerifications, people } from '../db/schema';
import { badRequest, conflict, notFound } from '../errors';
import { keyRoleOf } from './actors';

type PersonRow = typeof people.$inferSelect;
type KeyRow = typeof apiKeys.$inferSelect;

/** The prefix of every key, so that a leaked one is recognised by secret scanners and people. */
const API_KEY_PREFIX = 'ipk_';
const KEY_LENGTH = 48;
/** An invite link lets its person set a password once, within this time. */
const INVITE_SECONDS = 7 * 24 * 3600;

const roleOf = (value: string): Role => roleSchema.catch('viewer').parse(value);

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: roleOf(row.role),
    active: !row.banned,
    createdAt: row.createdAt.toISOString(),
  };
}

function toKeySummary(row: KeyRow): ApiKeySummary {
  return {
    id: row.id,
    name: row.name ?? '',
    role: keyRoleOf(row.metadata),
    start: row.start,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastRequest?.toISOString() ?? null,
  };
}

const newId = () => generateRandomString(32, 'a-z', 'A-Z', '0-9');

export function createPeopleRepository(db: Database) {
  return {
    async list(): Promise<Person[]> {
      return (await db.select().from(people).orderBy(asc(people.name), asc(people.id))).map(toPerson);
    },

    /**
     * With a password the account is ready; without one, an invite token (better-auth's reset-password
     * verification value) lets the person set it once within INVITE_SECONDS.
     */
    async create(input: PersonInput, actor: Actor = currentActor()): Promise<{ person: Person; inviteToken?: string }> {
      const id = newId();
      const email = input.email.toLowerCase();
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      const inviteToken = input.password ? undefined : generateRandomString(32, 'a-z', 'A-Z', '0-9');
      try {
        const person = await db.transaction(async (tx) => {
          const [row] = await tx.insert(people).values({ id, email, name: input.name, role: input.role, emailVerified: true }).returning();
          await tx
            .insert(authAccounts)
            .values({ id: newId(), accountId: id, providerId: 'credential', userId: id, password: passwordHash });
          if (inviteToken) {
            await tx.insert(authVerifications).values({
              id: newId(),
              identifier: `reset-password:${inviteToken}`,
              value: id,
              expiresAt: new Date(Date.now() + INVITE_SECONDS * 1000),
            });
          }
          await recordAudit(tx, { action: 'person-added', summary: `Added ${input.name} <${email}> as ${input.role}` }, actor);
          return row!;
        });
        return { person: toPerson(person), ...(inviteToken ? { inviteToken } : {}) };
      } catch (error) {
        if (violatedUniqueConstraint(error)) {
          throw conflict(`${email} already has an account.`, { email: 'Someone already has this email.' });
        }
        throw error;
      }
    },

    /** A role change and a deactivation take effect at once: sessions are deleted, keys refused by their person. */
    async update(id: string, patch: { role?: Role; active?: boolean }, actor: Actor = currentActor()): Promise<Person> {
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(people).where(eq(people.id, id)).for('update');
        if (!before) throw notFound(`Person ${id}`);
        const changes: Partial<PersonRow> = { updatedAt: new Date() };
        if (patch.role !== undefined && patch.role !== before.role) {
          changes.role = patch.role;
          await recordAudit(tx, { action: 'role-change', summary: `${before.name}: ${before.role} → ${patch.role}` }, actor);
        }
        if (patch.active !== undefined && patch.active === before.banned) {
          changes.banned = !patch.active;
          await recordAudit(
            tx,
            {
              action: patch.active ? 'person-reactivated' : 'person-deactivated',
              summary: `${patch.active ? 'Reactivated' : 'Deactivated'} ${before.name}`,
            },
            actor,
          );
          if (!patch.active) await tx.delete(authSessions).where(eq(authSessions.userId, id));
        }
        const [after] = await tx.update(people).set(changes).where(eq(people.id, id)).returning();
        return toPerson(after!);
      });
    },

    async listKeys(personId: string): Promise<ApiKeySummary[]> {
      const rows = await db.select().from(apiKeys).where(eq(apiKeys.referenceId, personId)).orderBy(desc(apiKeys.createdAt));
      return rows.map(toKeySummary);
    },

    /**
     * The key is answered once and stored as better-auth's API-key plugin stores it (its hash), so the plugin
     * verifies it; created here so that the audit entry is in the same transaction.
     */
    async createKey(
      personId: string,
      personRole: Role,
      input: ApiKeyInput,
      actor: Actor = currentActor(),
    ): Promise<{ id: string; name: string; role: Role; key: string }> {
      const role = input.role ?? personRole;
      if (!roleAllows(personRole, role)) {
        throw badRequest(`A key cannot have more rights than its person (${personRole}).`, { role: `Pick ${personRole} or a lower role.` });
      }
      const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
      if (expiresAt && expiresAt.getTime() <= Date.now()) {
        throw badRequest('The expiry is in the past.', { expiresAt: 'Pick a date in the future.' });
      }
      const key = API_KEY_PREFIX + generateRandomString(KEY_LENGTH, 'a-z', 'A-Z', '0-9');
      const id = newId();
      await db.transaction(async (tx) => {
        await tx.insert(apiKeys).values({
          id,
          configId: 'default',
          name: input.name,
          start: key.slice(0, API_KEY_PREFIX.length + 4),
          prefix: API_KEY_PREFIX,
          key: await defaultKeyHasher(key),
          referenceId: personId,
          enabled: true,
          rateLimitEnabled: false,
          requestCount: 0,
          expiresAt,
          metadata: JSON.stringify({ role }),
        });
        await recordAudit(tx, { action: 'key-created', summary: `API key "${input.name}" (${role})` }, actor);
      });
      return { id, name: input.name, role, key };
    },

    /** Admins revoke anyone's key; others only their own. */
    async revokeKey(id: string, ownerId: string | null, actor: Actor = currentActor()): Promise<void> {
      await db.transaction(async (tx) => {
        const where = ownerId ? and(eq(apiKeys.id, id), eq(apiKeys.referenceId, ownerId)) : eq(apiKeys.id, id);
        const [row] = await tx.delete(apiKeys).where(where).returning();
        if (!row) throw notFound(`API key ${id}`);
        await recordAudit(tx, { action: 'key-revoked', summary: `API key "${row.name ?? ''}" revoked` }, actor);
      });
    },
  };
}

export type PeopleRepository = ReturnType<typeof createPeopleRepository>;

/** Admins who can sign in: none on a first start of AUTH=accounts, which then prints how to make one. */
export async function countAdmins(db: Database): Promise<number> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.role, 'admin'), eq(people.banned, false)));
  return rows.length;
}
