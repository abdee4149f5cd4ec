import type { Role } from '../../domain/people';

/**
 * The least role each API route needs: one table, read by the access hook on the route the router matched.
 * Reads need a viewer and writes a builder, except where listed here. A route added later falls under that
 * rule; give it a line here when it needs more (or less).
 */
const ROUTE_ROLES: Readonly<Record<string, Role>> = {
  // A viewer may run the Test panel: a run stores nothing.
  'POST /api/bots/:botId/simulate': 'viewer',
  'POST /api/bots/:botId/integrations/:id/simulate': 'viewer',
  // A viewer with the bot open is present like anyone else.
  'POST /api/bots/:botId/presence': 'viewer',
  // Deleting a bot takes everything in it.
  'DELETE /api/bots/:botId': 'admin',
  'GET /api/bots/:botId/members': 'admin',
  'PUT /api/bots/:botId/members/:personId': 'admin',
  'DELETE /api/bots/:botId/members/:personId': 'admin',
  'GET /api/metrics': 'admin',
  'GET /api/people': 'admin',
  'POST /api/people': 'admin',
  'PATCH /api/people/:id': 'admin',
  // Viewers and builders see the entries of bots they may read (who changed what they read); admins all of them.
  'GET /api/audit': 'viewer',
  // Everyone signed in manages their own keys.
  'GET /api/me': 'viewer',
  'GET /api/me/api-keys': 'viewer',
  'POST /api/me/api-keys': 'viewer',
  'DELETE /api/me/api-keys/:id': 'viewer',
  // QA resets the data with a builder key; the route exists only with the test API.
  'POST /api/testing/reset': 'builder',
};

/**
 * A route with `:botId` is decided with the person's role on that bot (their member role there, else their
 * own), except these: who may change roles on a bot is decided by the role everywhere, so that an admin of
 * one bot cannot hand out roles.
 */
const DECIDED_ON_OWN_ROLE = new Set([
  'GET /api/bots/:botId/members',
  'PUT /api/bots/:botId/members/:personId',
  'DELETE /api/bots/:botId/members/:personId',
]);

export const isDecidedPerBot = (method: string, url: string): boolean =>
  url.includes(':botId') && !DECIDED_ON_OWN_ROLE.has(`${method === 'HEAD' ? 'GET' : method} ${url}`);

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function minimumRole(method: string, url: string): Role {
  const asRegistered = method === 'HEAD' ? 'GET' : method;
  return ROUTE_ROLES[`${asRegistered} ${url}`] ?? (READS.has(method) ? 'viewer' : 'builder');
}
