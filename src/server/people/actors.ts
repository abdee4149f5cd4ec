import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { lowerRole, roleSchema, type AuthMode, type BotMemberRole, type Role } from '../../domain/people';
import type { Actor } from '../db/actor-context';
import type { Database } from '../db/database';
import { botMembers, people } from '../db/schema';
import { fromNodeHeaders } from 'better-auth/node';
import { ADMIN_TOKEN_ACTOR, bearerTokenOf, isAdminToken, type Identify } from '../http/route-access';
import { HttpProblem } from '../http/problems';
import type { Auth } from './better-auth';

/**
 * How long one server trusts what it found for a session or a key without asking the database again.
 * Per-process state: a change made on this server (deactivation, a revoked key, a role) clears it at once;
 * another server sharing the database sees the change within this time.
 */
const ACTOR_CACHE_MS = 2_000;
const ACTOR_CACHE_MAX = 10_000;

export interface ActorCache {
  clear(): void;
}

const roleOf = (value: unknown): Role => roleSchema.catch('viewer').parse(value);

/** What a stored API key says about the role it was given (metadata `{ role }`). */
export function keyRoleOf(metadata: unknown): Role {
  const parsed = typeof metadata === 'string' ? JSON.parse(metadata) : metadata;
  return roleOf((parsed as { role?: unknown } | null)?.role);
}

/** The cookie names better-auth gives a session token (`__Secure-` over HTTPS). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?panel\.session_token=([^;]+)/;

export function createIdentify(
  auth: Auth,
  db: Database,
  options: { mode: Exclude<AuthMode, 'none'>; adminToken: string | null },
): { identify: Identify; cache: ActorCache } {
  // The lookup itself is kept, not only its answer: the event streams of one session all ask again at the
  // same heartbeat, and one query answers them all.
  const cache = new Map<string, { actor: Promise<Actor | null>; until: number }>();

  function cached(kind: string, secret: string, find: () => Promise<Actor | null>): Promise<Actor | null> {
    // Hashed, so that no credential is kept in memory longer than the request that brought it.
    const key = kind + createHash('sha256').update(secret).digest('base64');
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.actor;
    const actor = find();
    if (cache.size >= ACTOR_CACHE_MAX) cache.clear();
    const entry = { actor, until: now + ACTOR_CACHE_MS };
    cache.set(key, entry);
    // A lookup that failed (the database away) is not remembered.
    actor.catch(() => {
      if (cache.get(key) === entry) cache.delete(key);
    });
    return actor;
  }

  async function botRolesOf(personId: string): Promise<Record<string, BotMemberRole>> {
    const rows = await db
      .select({ botId: botMembers.botId, role: botMembers.role })
      .from(botMembers)
      .where(eq(botMembers.personId, personId));
    return Object.fromEntries(rows.map((row) => [row.botId, row.role]));
  }

  async function byKey(token: string): Promise<Actor | null> {
    const result = await auth.api.verifyApiKey({ body: { key: token } });
    if (!result.valid || !result.key) return null;
    const [person] = await db.select().from(people).where(eq(people.id, result.key.referenceId));
    if (!person || person.banned) return null;
    return {
      id: result.key.id,
      name: `${result.key.name ?? 'API key'} (${person.name})`,
      kind: 'api-key',
      // A key never does more than its person may now, whatever it was given.
      role: lowerRole(keyRoleOf(result.key.metadata), roleOf(person.role)),
      personRole: roleOf(person.role),
      keyRole: keyRoleOf(result.key.metadata),
      botRoles: await botRolesOf(person.id),
      personId: person.id,
      email: person.email,
      via: 'key',
    };
  }

  async function bySession(request: FastifyRequest): Promise<Actor | null> {
    const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers), query: { disableCookieCache: true } });
    if (!session) return null;
    const user = session.user as typeof session.user & { role?: string; banned?: boolean | null };
    if (user.banned) return null;
    return {
      id: user.id,
      name: user.name,
      kind: 'person',
      role: roleOf(user.role),
      botRoles: await botRolesOf(user.id),
      personId: user.id,
      email: user.email,
      via: 'session',
    };
  }

  const identify: Identify = async (request) => {
    const token = bearerTokenOf(request);
    if (token !== null) {
      if (isAdminToken(token, options.adminToken)) return ADMIN_TOKEN_ACTOR;
      const actor = await cached('key:', token, () => byKey(token));
      if (!actor) {
        throw new HttpProblem(401, 'Unauthorized', 'The API key is not valid: unknown, revoked, expired, or its person is deactivated.');
      }
      return actor;
    }
    const sessionToken = SESSION_COOKIE.exec(request.headers.cookie ?? '')?.[1];
    if (!sessionToken) return null;
    return cached('session:', sessionToken, () => bySession(request));
  };
  return { identify, cache: { clear: () => cache.clear() } };
}
