import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { isNotNull } from 'drizzle-orm';
import { authAccounts } from '../db/schema';
import { routeTable } from '../http/route-access';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { createPeopleRepository } from './people-repository';
import { cookieOf } from './testing/cookies';

const PASSWORD = 'correct horse battery';

describeEachDatabase('sessions are safe on %s', (kind) => {
  const lines: string[] = [];
  const server = useTestServer(kind, {
    auth: { mode: 'accounts', secretsKey: randomBytes(32), secureCookies: false },
    logLevel: 'info',
    logStream: { write: (line: string) => void lines.push(line) },
  });
  let session = '';
  let key = '';
  const answers: string[] = [];

  beforeAll(async () => {
    await createPeopleRepository(server.database.db).create({ email: 'sam@example.com', name: 'Sam', role: 'admin', password: PASSWORD });
  });

  it('sets an httpOnly, SameSite=Lax cookie, and never keeps a session id set before sign-in', async () => {
    const planted = 'planted-by-an-attacker';
    const signIn = await server.request('POST', '/api/auth/sign-in/email', {
      headers: { cookie: `panel.session_token=${planted}` },
      body: { email: 'sam@example.com', password: PASSWORD },
    });
    expect(signIn.status).toBe(200);
    const [cookie] = signIn.headers.getSetCookie().filter((line) => line.startsWith('panel.session_token='));
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/; Secure/i);
    session = cookieOf(signIn.headers);
    expect(session).not.toContain(planted);
    expect((await server.request('GET', '/api/me', { headers: { cookie: `panel.session_token=${planted}` } })).status).toBe(401);
    answers.push(JSON.stringify(signIn.body));
  });

  it('refuses every write carried by the cookie from another origin, as a form post or a fetch', async () => {
    const writes = routeTable(server.app).filter(
      (route) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method) && route.access !== 'public' && route.url.startsWith('/api'),
    );
    expect(writes.length).toBeGreaterThan(15);
    const failures: string[] = [];
    for (const route of writes) {
      const path = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000').replace('*', 'x');
      const form = await fetch(server.baseUrl + path, {
        method: route.method,
        headers: { cookie: session, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        body: route.method === 'DELETE' ? undefined : 'name=pwned',
      });
      const json = await fetch(server.baseUrl + path, {
        method: route.method,
        headers: { cookie: session, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
        body: route.method === 'DELETE' ? undefined : '{"name":"pwned"}',
      });
      if (form.status !== 403) failures.push(`form ${route.method} ${route.url} → ${form.status}`);
      if (json.status !== 403) failures.push(`fetch ${route.method} ${route.url} → ${json.status}`);
    }
    expect(failures).toEqual([]);
    const same = await server.request('POST', '/api/bots', {
      headers: { cookie: session, origin: server.baseUrl },
      body: { name: 'Mine' },
    });
    expect(same.status).toBe(201);
  });

  it('writes no password, hash, key or session id in any answer or log line', async () => {
    const created = await server.request('POST', '/api/me/api-keys', {
      headers: { cookie: session, origin: server.baseUrl },
      body: { name: 'Logged?' },
    });
    key = created.body.key;
    expect((await server.request('GET', '/api/bots', { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    for (const path of ['/api/me', '/api/me/api-keys', '/api/people', '/api/audit']) {
      answers.push(JSON.stringify((await server.request('GET', path, { headers: { cookie: session } })).body));
    }
    const token = decodeURIComponent(session.split('=')[1]!).split('.')[0]!;
    const [account] = await server.database.db
      .select({ password: authAccounts.password })
      .from(authAccounts)
      .where(isNotNull(authAccounts.password));
    const hash = account?.password;
    const everything = answers.join('\n') + lines.join('\n');
    for (const secret of [PASSWORD, token, key, ...(hash ? [hash] : [])]) expect(everything).not.toContain(secret);
    expect(lines.length).toBeGreaterThan(3);
  });
});

describe('secure by default', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { PATH: process.env.PATH, DATA_DIR: '/nonexistent/never-created', PORT: '4721', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('refuses to serve AUTH=none beyond loopback, in one line saying what to set', () => {
    const refused = start({ HOST: '0.0.0.0' });
    expect(refused.status).toBe(1);
    const said = refused.stderr.trim().split('\n');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/AUTH=none.*AUTH=accounts.*ALLOW_ANONYMOUS=1/);
  });
});
