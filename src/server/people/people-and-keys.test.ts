import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { createPeopleRepository } from './people-repository';
import { cookieOf } from './testing/cookies';

const PASSWORD = 'correct horse battery';
const ADMIN_TOKEN = 'the-old-admin-token';

describeEachDatabase('people and API keys on %s', (kind) => {
  const server = useTestServer(kind, {
    adminToken: ADMIN_TOKEN,
    auth: { mode: 'accounts', secretsKey: randomBytes(32), secureCookies: false },
  });
  let admin: Record<string, string>;

  const signIn = async (email: string, password = PASSWORD) => {
    const answer = await server.request('POST', '/api/auth/sign-in/email', { body: { email, password } });
    return { status: answer.status, headers: { cookie: cookieOf(answer.headers), origin: server.baseUrl } };
  };
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  const auditActions = async () =>
    ((await server.request('GET', '/api/audit', { headers: admin })).body.items as { action: string; summary: string }[]).map(
      (entry) => `${entry.action}: ${entry.summary}`,
    );

  beforeAll(async () => {
    await createPeopleRepository(server.database.db).create({ email: 'root@example.com', name: 'Root', role: 'admin', password: PASSWORD });
    admin = (await signIn('root@example.com')).headers;
  });

  it('takes ADMIN_TOKEN as an admin API key named "ADMIN_TOKEN"', async () => {
    const me = await server.request('GET', '/api/me', { headers: bearer(ADMIN_TOKEN) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'ADMIN_TOKEN', role: 'admin', authMode: 'accounts' });
    expect((await server.request('GET', '/api/people', { headers: bearer(ADMIN_TOKEN) })).status).toBe(200);
  });

  it('adds a person with a password (ready) or without one (an invite link)', async () => {
    const ready = await server.request('POST', '/api/people', {
      headers: admin,
      body: { email: 'Bea@Example.com', name: 'Bea Builder', role: 'builder', password: PASSWORD },
    });
    expect(ready.status).toBe(201);
    expect(ready.body.person).toMatchObject({ email: 'bea@example.com', role: 'builder', active: true });
    expect(ready.body.inviteUrl).toBeUndefined();
    expect((await signIn('bea@example.com')).status).toBe(200);
    const invited = await server.request('POST', '/api/people', {
      headers: admin,
      body: { email: 'vic@example.com', name: 'Vic', role: 'viewer' },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.inviteUrl).toMatch(/\/invite\?token=\w{32}$/);
    const again = await server.request('POST', '/api/people', {
      headers: admin,
      body: { email: 'vic@example.com', name: 'Vic', role: 'viewer' },
    });
    expect(again.status).toBe(409);
    expect(JSON.stringify(ready.body) + JSON.stringify(invited.body)).not.toMatch(/password|scrypt|hash/i);
  });

  it('creates keys no stronger than their person, shows each once, records their use, revokes them at once', async () => {
    const bea = (await signIn('bea@example.com')).headers;
    const tooStrong = await server.request('POST', '/api/me/api-keys', { headers: bea, body: { name: 'Too much', role: 'admin' } });
    expect(tooStrong.status).toBe(400);
    expect(tooStrong.body.errors.role).toBeDefined();
    const created = await server.request('POST', '/api/me/api-keys', { headers: bea, body: { name: 'QA e2e', role: 'viewer' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'QA e2e', role: 'viewer' });
    const { key } = created.body;
    expect(key).toMatch(/^ipk_\w{48}$/);
    expect((await server.request('GET', '/api/bots', { headers: bearer(key) })).status).toBe(200);
    const refused = await server.request('POST', '/api/bots', { headers: bearer(key), body: { name: 'Not by a viewer key' } });
    expect(refused.status).toBe(403);
    const listed = await server.request('GET', '/api/me/api-keys', { headers: bea });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: created.body.id, name: 'QA e2e', role: 'viewer' })]);
    expect(listed.body.items[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(key);
    expect((await server.request('DELETE', `/api/me/api-keys/${created.body.id}`, { headers: bea })).status).toBe(204);
    expect((await server.request('GET', '/api/bots', { headers: bearer(key) })).status).toBe(401);
    const actions = await auditActions();
    expect(actions).toContain('key-created: API key "QA e2e" (viewer)');
    expect(actions).toContain('key-revoked: API key "QA e2e" revoked');
    expect(actions.filter((action) => action.includes('Too much'))).toEqual([]);
  });

  it('refuses a key once it has expired', async () => {
    const bea = (await signIn('bea@example.com')).headers;
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const created = await server.request('POST', '/api/me/api-keys', { headers: bea, body: { name: 'Short', expiresAt } });
    expect(created.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await server.request('GET', '/api/bots', { headers: bearer(created.body.key) })).status).toBe(401);
  });

  it('stops a deactivated person’s sessions and keys at once, and lets them in again once reactivated', async () => {
    const bea = (await signIn('bea@example.com')).headers;
    const { key } = (await server.request('POST', '/api/me/api-keys', { headers: bea, body: { name: 'CI' } })).body;
    expect((await server.request('GET', '/api/bots', { headers: bea })).status).toBe(200);
    expect((await server.request('GET', '/api/bots', { headers: bearer(key) })).status).toBe(200);
    const people = (await server.request('GET', '/api/people', { headers: admin })).body.items as { id: string; email: string }[];
    const beaId = people.find((person) => person.email === 'bea@example.com')!.id;
    const off = await server.request('PATCH', `/api/people/${beaId}`, { headers: admin, body: { active: false } });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await server.request('GET', '/api/bots', { headers: bea })).status).toBe(401);
    expect((await server.request('GET', '/api/bots', { headers: bearer(key) })).status).toBe(401);
    expect((await signIn('bea@example.com')).status).toBe(401);
    await server.request('PATCH', `/api/people/${beaId}`, { headers: admin, body: { active: true, role: 'viewer' } });
    const back = await signIn('bea@example.com');
    expect(back.status).toBe(200);
    expect((await server.request('GET', '/api/me', { headers: back.headers })).body.role).toBe('viewer');
    // The key keeps its builder role, but does no more than its person may now.
    expect((await server.request('POST', '/api/bots', { headers: bearer(key), body: { name: 'Viewer now' } })).status).toBe(403);
    const actions = await auditActions();
    expect(actions).toEqual(
      expect.arrayContaining(['person-deactivated: Deactivated Bea Builder', 'role-change: Bea Builder: builder → viewer']),
    );
  });

  it('keeps an admin from deactivating themselves', async () => {
    const me = (await server.request('GET', '/api/me', { headers: admin })).body;
    const refused = await server.request('PATCH', `/api/people/${me.id}`, { headers: admin, body: { active: false } });
    expect(refused.status).toBe(400);
  });
});
