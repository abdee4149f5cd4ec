import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents } from '../db/schema';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { createPeopleRepository } from './people-repository';
import { cookieOf } from './testing/cookies';

const ACCOUNTS = { mode: 'accounts' as const, secretsKey: randomBytes(32), secureCookies: false, signInLimit: { window: 600, max: 5 } };

describeEachDatabase('signing in with AUTH=accounts on %s', (kind) => {
  const server = useTestServer(kind, { auth: ACCOUNTS });

  const addPerson = (email: string, role: 'viewer' | 'builder' | 'admin', password = 'correct horse battery') =>
    createPeopleRepository(server.database.db).create({ email, name: email.split('@')[0]!, role, password });

  it('answers 401 without a session, 200 with one, and 401 again after sign-out', async () => {
    await addPerson('ana@example.com', 'admin');
    expect((await server.request('GET', '/api/me')).status).toBe(401);
    const signIn = await server.request('POST', '/api/auth/sign-in/email', {
      body: { email: 'ana@example.com', password: 'correct horse battery' },
    });
    expect(signIn.status).toBe(200);
    const cookie = cookieOf(signIn.headers);
    expect(cookie).toMatch(/panel\.session_token=/);
    expect(JSON.stringify(signIn.body)).not.toContain(cookie.split('=')[1]!.split('.')[0]!);
    const me = await server.request('GET', '/api/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'ana@example.com', role: 'admin', authMode: 'accounts' });
    const signOut = await server.request('POST', '/api/auth/sign-out', { headers: { cookie, origin: server.baseUrl }, body: {} });
    expect(signOut.status).toBe(200);
    expect((await server.request('GET', '/api/me', { headers: { cookie } })).status).toBe(401);
  });

  it('answers a wrong password 401 problem+json, and 429 with Retry-After past the limit for the account', async () => {
    await addPerson('bo@example.com', 'viewer');
    const wrong = await server.request('POST', '/api/auth/sign-in/email', {
      body: { email: 'bo@example.com', password: 'nope nope nope' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    for (let i = 0; i < 4; i++) {
      await server.request('POST', '/api/auth/sign-in/email', { body: { email: 'bo@example.com', password: 'nope nope nope' } });
    }
    const limited = await server.request('POST', '/api/auth/sign-in/email', {
      body: { email: 'bo@example.com', password: 'correct horse battery' },
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
  });
});

describeEachDatabase('where a sign-in may come from, with AUTH=accounts on %s', (kind) => {
  // A server of its own: the sign-in limit per address above is spent by the tests before.
  const server = useTestServer(kind, { auth: ACCOUNTS });

  it('refuses a sign-in from another site 403 (not as a wrong password), and signs in a script whose fetch sends no Origin', async () => {
    await createPeopleRepository(server.database.db).create({
      email: 'cy@example.com',
      name: 'cy',
      role: 'viewer',
      password: 'correct horse battery',
    });
    const body = { email: 'cy@example.com', password: 'correct horse battery' };
    const otherSite = await server.request('POST', '/api/auth/sign-in/email', {
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' },
      body,
    });
    expect(otherSite.status).toBe(403);
    expect((otherSite.body as { detail: string }).detail).toContain('https://evil.example');
    // Nothing about the password was tried: no failed sign-in counts against the account.
    const failures = await server.database.db.select().from(auditEvents).where(eq(auditEvents.actorId, 'email:cy@example.com'));
    expect(failures).toEqual([]);
    // Node's fetch sends Sec-Fetch-Mode and no Origin, as QA scripts and the bench do.
    const script = await server.request('POST', '/api/auth/sign-in/email', { headers: { 'sec-fetch-mode': 'cors' }, body });
    expect(script.status).toBe(200);
  });
});
