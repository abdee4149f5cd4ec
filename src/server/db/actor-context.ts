import { AsyncLocalStorage } from 'node:async_hooks';
import { LOCAL_AUTHOR, lowerRole, roleOnBot, type Author, type BotMemberRole, type Role } from '../../domain/people';

/**
 * Who is making the current request: set by the access hook for the rest of the request, read where a
 * change is stored (a revision's author, an audit entry) so that no repository signature has to carry it.
 */
export interface Actor extends Author {
  role: Role;
  /** The person behind a session or a key; absent for the local builder and ADMIN_TOKEN. */
  personId?: string;
  email?: string;
  /** How the request proved it: a session cookie can be ridden by another site, a bearer key cannot. */
  via: 'session' | 'key' | 'none';
  /** The person's own role, before a key's cap (absent: `role`). */
  personRole?: Role;
  /** An API key's own role: it never does more than this, on any bot. */
  keyRole?: Role;
  /** The person's roles on single bots (bot_members), read with the person. */
  botRoles?: Readonly<Record<string, BotMemberRole>>;
}

/**
 * The actor's role on one bot: the member role when set, else their own; an API key never more than the
 * role it was given. Null when the bot is hidden from them.
 */
export function actorRoleOnBot(actor: Actor, botId: string): Role | null {
  const member = actor.botRoles?.[botId];
  if (member === undefined) return actor.role;
  const onBot = roleOnBot(actor.personRole ?? actor.role, member);
  return onBot && actor.keyRole ? lowerRole(onBot, actor.keyRole) : onBot;
}

/** The bots hidden from the actor (member role `none`): the bots list and the audit trail leave them out. */
export function hiddenBotsOf(actor: Actor): string[] {
  return Object.keys(actor.botRoles ?? {}).filter((botId) => actorRoleOnBot(actor, botId) === null);
}

export const LOCAL_ACTOR: Actor = { ...LOCAL_AUTHOR, role: 'admin', via: 'none' };

const store = new AsyncLocalStorage<Actor>();

/** Runs `work` (and whatever it starts) as `actor`. */
export function runAs<T>(actor: Actor, work: () => T): T {
  return store.run(actor, work);
}

/** The request's actor; outside a request (start-up, the demo seed, scripts) the local builder. */
export function currentActor(): Actor {
  return store.getStore() ?? LOCAL_ACTOR;
}

export function authorOf(actor: Actor): Author {
  return { id: actor.id, name: actor.name, kind: actor.kind };
}
