import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { roleAllows, ROLES, type Role } from '../../domain/people';
import { isDecidedPerBot, minimumRole } from '../http/route-roles';
import { routeTable } from '../http/route-access';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { createPeopleRepository } from './people-repository';
import { cookieOf } from './testing/cookies';

const PASSWORD = 'correct horse battery';

describeEachDatabase('every route × every role with AUTH=accounts on %s', (kind) => {
  const server = useTestServer(kind, { auth: { mode: 'accounts', secretsKey: randomBytes(32), secureCookies: false } });
  const sessions = {} as Record<Role, string>;
  const personIds = {} as Record<Role, string>;
  const memberSessions = {} as Record<'raised' | 'hidden', string>;
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
    // On this bot only: a viewer raised to admin, a builder who may not see it.
    for (const [name, own, onBot] of [
      ['raised', 'viewer', 'admin'],
      ['hidden', 'builder', 'none'],
    ] as const) {
      const { person } = await repository.create({ email: `${name}@example.com`, name: `A ${name}`, role: own, password: PASSWORD });
      const set = await server.request('PUT', `/api/bots/${botId}/members/${person.id}`, { headers: admin, body: { role: onBot } });
      expect(set.status).toBe(200);
      const signIn = await server.request('POST', '/api/auth/sign-in/email', {
        body: { email: `${name}@example.com`, password: PASSWORD },
      });
      memberSessions[name] = cookieOf(signIn.headers);
    }
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
      // The bot's role decides its routes; the person's own role the rest. Before the admin, who may drop the bot.
      const perBot = isDecidedPerBot(route.method, route.url);
      for (const [name, roleThere] of [
        ['raised', perBot ? 'admin' : 'viewer'],
        ['hidden', perBot ? null : 'builder'],
      ] as const) {
        const response = await ask({ cookie: memberSessions[name], origin: server.baseUrl, 'if-match': '"999"' });
        const allowed = roleThere !== null && roleAllows(roleThere, needed);
        const ok = allowed ? response.status !== 401 && response.status !== 403 : response.status === 403;
        if (!ok)
          failures.push(`${route.method} ${route.url} as ${name} (${roleThere ?? 'none'} there, needs ${needed}) → ${response.status}`);
      }
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

  it('decides every route of a bot with the person’s role on that bot, and lists only the bots they may read', async () => {
    const as = (role: Role) => ({ cookie: sessions[role], origin: server.baseUrl });
    const reset = await server.request('POST', '/api/testing/reset', { headers: as('admin'), body: { seed: 'demo' } });
    expect(reset.status).toBe(200);
    const created = await server.request('POST', '/api/bots', { headers: as('admin'), body: { name: 'Second bot' } });
    const [first, second] = [reset.body.bots[0].id as string, created.body.id as string];
    const member = (personId: string, botId: string, role: string, who: Role = 'admin') =>
      server.request('PUT', `/api/bots/${botId}/members/${personId}`, { headers: as(who), body: { role } });
    const input = (name: string) => anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name });
    const create = (role: Role, botId: string, name: string) =>
      server.request('POST', `/api/bots/${botId}/integrations`, { headers: as(role), body: input(name) });

    // Only an admin (everywhere) gives roles on a bot; a role out of the list is refused.
    expect((await member(personIds.viewer, first, 'builder', 'builder')).status).toBe(403);
    expect((await member(personIds.viewer, first, 'owner')).status).toBe(400);
    expect((await member('nobody', first, 'builder')).status).toBe(404);

    // Above the person's own role: a viewer builds on the first bot, and only there.
    const raised = await member(personIds.viewer, first, 'builder');
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ botId: first, personId: personIds.viewer, role: 'builder', globalRole: 'viewer' });
    expect((await create('viewer', first, 'ByViewerOnFirst')).status).toBe(201);
    const refused = await create('viewer', second, 'ByViewerOnSecond');
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('needs the builder role');
    // Still a viewer for what is not one bot's.
    expect((await server.request('POST', '/api/bots', { headers: as('viewer'), body: { name: 'Viewer bot' } })).status).toBe(403);

    // Below it: a builder only reads the first bot.
    expect((await member(personIds.builder, first, 'viewer')).status).toBe(200);
    const lowered = await create('builder', first, 'ByBuilderOnFirst');
    expect(lowered.status).toBe(403);
    expect(lowered.body.detail).toContain('viewer role on this bot');
    expect((await create('builder', second, 'ByBuilderOnSecond')).status).toBe(201);

    // None: the bot is gone from the list and every route of it is refused.
    expect((await member(personIds.builder, second, 'none')).status).toBe(200);
    const names = async (role: Role) =>
      ((await server.request('GET', '/api/bots?limit=100', { headers: as(role) })).body.items as { id: string }[]).map((bot) => bot.id);
    expect(await names('builder')).toContain(first);
    expect(await names('builder')).not.toContain(second);
    expect(await names('viewer')).toContain(second);
    for (const path of [
      `/api/bots/${second}`,
      `/api/bots/${second}/integrations`,
      `/api/bots/${second}/export`,
      `/api/bots/${second}/events`,
    ]) {
      const answer = await server.request('GET', path, { headers: as('builder') });
      expect(answer.status, path).toBe(403);
    }
    // The trail leaves out the entries of a bot hidden from the builder.
    const trail = await server.request('GET', '/api/audit?limit=500', { headers: as('builder') });
    expect(trail.status).toBe(200);
    const botsInTrail = new Set((trail.body.items as { botId: string }[]).map((entry) => entry.botId));
    expect(botsInTrail.has(first)).toBe(true);
    expect(botsInTrail.has(second)).toBe(false);

    // Admins are admins on every bot, whatever role they are given there.
    expect((await member(personIds.admin, second, 'none')).status).toBe(200);
    expect((await server.request('GET', `/api/bots/${second}`, { headers: as('admin') })).status).toBe(200);

    const listed = await server.request('GET', `/api/bots/${first}/members`, { headers: as('admin') });
    expect((listed.body.items as { personId: string; role: string }[]).map((m) => [m.personId, m.role]).sort()).toEqual(
      [
        [personIds.builder, 'viewer'],
        [personIds.viewer, 'builder'],
      ].sort(),
    );
    // Taken away: the person's own role holds again.
    expect((await server.request('DELETE', `/api/bots/${second}/members/${personIds.builder}`, { headers: as('admin') })).status).toBe(204);
    expect((await server.request('GET', `/api/bots/${second}`, { headers: as('builder') })).status).toBe(200);
    expect((await server.request('DELETE', `/api/bots/${second}/members/${personIds.builder}`, { headers: as('admin') })).status).toBe(404);
    const changes = await server.request('GET', `/api/audit?action=role-change&botId=${first}`, { headers: as('admin') });
    expect((changes.body.items as { summary: string }[]).map((entry) => entry.summary)).toEqual([
      'Gave A builder the viewer role on bot "' + reset.body.bots[0].name + '"',
      'Gave A viewer the builder role on bot "' + reset.body.bots[0].name + '"',
    ]);
  });

  it('caps an API key by its own role on a bot where its person has more', async () => {
    const as = (role: Role) => ({ cookie: sessions[role], origin: server.baseUrl });
    const created = await server.request('POST', '/api/bots', { headers: as('admin'), body: { name: 'Keyed bot' } });
    const botId = created.body.id as string;
    expect(
      (await server.request('PUT', `/api/bots/${botId}/members/${personIds.viewer}`, { headers: as('admin'), body: { role: 'builder' } }))
        .status,
    ).toBe(200);
    const key = await server.request('POST', '/api/me/api-keys', { headers: as('viewer'), body: { name: 'Reader', role: 'viewer' } });
    expect(key.status).toBe(201);
    const bearer = { authorization: `Bearer ${key.body.key}` };
    const input = anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'ByViewerKey' });
    expect((await server.request('GET', `/api/bots/${botId}/integrations`, { headers: bearer })).status).toBe(200);
    expect((await server.request('POST', `/api/bots/${botId}/integrations`, { headers: bearer, body: input })).status).toBe(403);
  });
});
