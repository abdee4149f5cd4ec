import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { roleAllows, ROLES, type Role } from '../../domain/people';
import { minimumRole } from '../http/route-roles';
import { routeTable } from '../http/route-access';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { createPeopleRepository } from './people-repository';
import { cookieOf } from './testing/cookies';

const PASSWORD = 'correct horse battery';

describeEachDatabase('every route × every role with AUTH=accounts on %s', (kind) => {
  const server = useTestServer(kind, { auth: { mode: 'accounts', secretsKey: randomBytes(32), secureCookies: false } });
  const sessions = {} as Record<Role, string>;
  const personIds = {} as Record<Role, string>;
  let botId = '';
  let integrationId = '';

  beforeAll(async () => {
    const repository = createPeopleRepository(server.database.db);
    for (const role of ROLES) {
      const { person } = await repository.create({ email: `${role}@example.com`, name: `A ${role}`, role, password: PASSWORD });
      personIds[role] = person.id;
      const signIn = await server.request('POST', '/api/auth/sign-in/email', {
        body: { email: `${role}@example.com`, password: PASSWORD },
      });
      expect(signIn.status).toBe(200);
      sessions[role] = cookieOf(signIn.headers);
    }
    const admin = { cookie: sessions.admin, origin: server.baseUrl };
    const reset = await server.request('POST', '/api/testing/reset', { headers: admin, body: { seed: 'demo' } });
    botId = reset.body.bots[0].id;
    const list = await server.request('GET', `/api/bots/${botId}/integrations`, { headers: admin });
    integrationId = list.body.items[0].id;
  });

  const concrete = (url: string) =>
    url
      .replace(':botId', botId)
      .replace(':personId', personIds.viewer)
      .replace(
        ':id',
        url.startsWith('/api/skills')
          ? '3402109730'
          : url.startsWith('/api/people') || url.startsWith('/api/me')
            ? 'nobody'
            : integrationId,
      )
      .replace(':version', '1')
      .replace(':file', 'x.js')
      .replace('*', 'x');

  const dropsData = (route: { method: string; url: string }) =>
    Number(route.url === '/api/testing/reset' || (route.method === 'DELETE' && route.url.startsWith('/api/testing/fixtures')));

  it('answers 401 without a session, 403 naming the role below the route’s, and lets the rest through', async () => {
    const routes = routeTable(server.app)
      .filter((route) => route.access !== 'public' && route.method !== 'HEAD')
      // The reset empties the bots and a fixture's delete drops the bot: last, so the other routes find theirs.
      .sort((a, b) => dropsData(a) - dropsData(b));
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const route of routes) {
      const needed = minimumRole(route.method, route.url);
      const path = concrete(route.url);
      // A stale If-Match: an allowed write is refused by its precondition (412) and changes nothing.
      const body = ['POST', 'PUT', 'PATCH'].includes(route.method)
        ? route.url === '/api/testing/reset'
          ? { seed: 'empty' }
          : {}
        : undefined;
      const ask = (headers: Record<string, string>) => server.request(route.method, path, { headers, body });
      const anonymous = await ask({ 'if-match': '"999"' });
      if (anonymous.status !== 401) failures.push(`${route.method} ${route.url} without a session → ${anonymous.status}`);
      for (const role of ROLES) {
        const response = await ask({ cookie: sessions[role], origin: server.baseUrl, 'if-match': '"999"' });
        const allowed = roleAllows(role, needed);
        const ok = allowed ? response.status !== 401 && response.status !== 403 : response.status === 403;
        if (!ok) failures.push(`${route.method} ${route.url} as ${role} (needs ${needed}) → ${response.status}`);
        if (!allowed && !String(response.body.detail).includes(`needs the ${needed} role`)) {
          failures.push(`${route.method} ${route.url} as ${role}: the 403 does not name the role (${response.body.detail})`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets each role do its own work (2xx) and no more', async () => {
    const as = (role: Role) => ({ cookie: sessions[role], origin: server.baseUrl });
    const reset = await server.request('POST', '/api/testing/reset', { headers: as('admin'), body: { seed: 'demo' } });
    const bot = reset.body.bots[0];
    const input = anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'EscalateByRole' });
    const base = `/api/bots/${bot.id}/integrations`;
    expect((await server.request('POST', base, { headers: as('viewer'), body: input })).status).toBe(403);
    const created = await server.request('POST', base, { headers: as('builder'), body: input });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    const read = await server.request('GET', `${base}/${id}`, { headers: as('viewer') });
    expect(read.status).toBe(200);
    const save = (role: Role) =>
      server.request('PUT', `${base}/${id}`, {
        headers: { ...as(role), 'if-match': read.headers.get('etag')! },
        body: { ...input, messageToUser: `Saved by a ${role}` },
      });
    expect((await save('viewer')).status).toBe(403);
    expect((await save('builder')).status).toBe(200);
    const simulate = await server.request('POST', `/api/bots/${bot.id}/integrations/${id}/simulate`, {
      headers: as('viewer'),
      body: { sample: { status: 200, body: '{}' } },
    });
    expect(simulate.status).toBe(200);
    const current = await server.request('GET', `/api/bots/${bot.id}`, { headers: as('builder') });
    const remove = (role: Role) =>
      server.request('DELETE', `/api/bots/${bot.id}`, { headers: { ...as(role), 'if-match': current.headers.get('etag')! } });
    expect((await remove('builder')).status).toBe(403);
    expect((await remove('admin')).status).toBe(204);
    expect((await server.request('GET', '/api/people', { headers: as('builder') })).status).toBe(403);
    expect((await server.request('GET', '/api/people', { headers: as('admin') })).status).toBe(200);
  });
});
