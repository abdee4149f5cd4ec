import type { FastifyInstance } from 'fastify';
import { accessOf } from './route-access';
import { RetryLaterProblem } from './problems';

/** Long enough for a restarted PostgreSQL or a new connection, short enough that a client is not kept waiting. */
const DATABASE_RETRY_AFTER_SECONDS = 2;

export const databaseUnreachable = () =>
  new RetryLaterProblem(
    DATABASE_RETRY_AFTER_SECONDS,
    'The database cannot be reached right now: nothing was changed by this request unless it says so. Try again in a few seconds.',
  );

export const databaseNotReady = () =>
  new RetryLaterProblem(
    DATABASE_RETRY_AFTER_SECONDS,
    'The server is starting and its database is not ready yet (it cannot be reached, or it is being migrated). Try again in a few seconds.',
  );

/**
 * Until the database is migrated and checked (a server started while PostgreSQL was down), every API route
 * that needs it answers 503 with Retry-After rather than run against tables that may not exist yet. Public
 * routes (health, liveness, the API's docs) answer as they are: readiness says 503 on its own.
 */
export function registerDatabaseGate(app: FastifyInstance, isReady: () => boolean): void {
  app.addHook('onRequest', async (request) => {
    if (isReady() || request.is404) return;
    if (accessOf(request.routeOptions.url ?? '', request.routeOptions.config) === 'public') return;
    throw databaseNotReady();
  });
}
