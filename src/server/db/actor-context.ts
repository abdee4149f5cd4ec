import { AsyncLocalStorage } from 'node:async_hooks';
import { LOCAL_AUTHOR, type Author, type Role } from '../../domain/people';

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
