import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { cookieOf } from '../people/testing/cookies';
import { addPerson as addAccount } from '../people/testing/people';
import { openSse, type SseClient } from './testing/sse-client';

const PASSWORD = 'correct horse battery';
const HEARTBEAT_MS = 200;

/** Whether the stream ended within `withinMs`. */
const endsWithin = (stream: SseClient, withinMs: number) =>
  Promise.race([stream.closed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), withinMs))]);

describeEachDatabase('an event stream and the session that opened it on %s', (kind) => {
  const server = useTestServer(kind, {
    auth: { mode: 'accounts', secretsKey: randomBytes(32), secureCookies: false },
    live: { limits: { heartbeatMs: HEARTBEAT_MS } },
  });
  let admin: Record<string, string>;
  let botId: string;

  const signIn = async (email: string) => {
    const answer = await server.request('POST', '/api/auth/sign-in/email', { body: { email, password: PASSWORD } });
    expect(answer.status).toBe(200);
    return { cookie: cookieOf(answer.headers), origin: server.baseUrl };
  };
  const addPerson = (email: string, role: 'viewer' | 'admin') => addAccount(server.database.db, email, role, PASSWORD);
  const events = (headers: Record<string, string>) => openSse(`${server.baseUrl}/api/bots/${botId}/events`, headers);

  beforeAll(async () => {
    await addPerson('root@example.com', 'admin');
    admin = await signIn('root@example.com');
    botId = (await server.request('POST', '/api/bots', { headers: admin, body: { name: 'Streamed' } })).body.id;
  });

  it('ends when its session signs out, and stays open while the session holds', async () => {
    await addPerson('vi@example.com', 'viewer');
    const session = await signIn('vi@example.com');
    const stream = await events(session);
    expect(stream.status).toBe(200);
    // Several checks pass while the session holds.
    expect(await endsWithin(stream, HEARTBEAT_MS * 4)).toBe(false);
    expect((await server.request('POST', '/api/auth/sign-out', { headers: session, body: {} })).status).toBe(200);
    expect(await endsWithin(stream, HEARTBEAT_MS * 15)).toBe(true);
    // And it cannot be opened again with that cookie.
    expect((await events(session)).status).toBe(401);
  });

  it('ends when its person is deactivated', async () => {
    const { person } = await addPerson('de@example.com', 'viewer');
    const stream = await events(await signIn('de@example.com'));
    expect(stream.status).toBe(200);
    expect((await server.request('PATCH', `/api/people/${person.id}`, { headers: admin, body: { active: false } })).status).toBe(200);
    expect(await endsWithin(stream, HEARTBEAT_MS * 15)).toBe(true);
  });

  it('ends when the API key that opened it is revoked', async () => {
    const created = await server.request('POST', '/api/me/api-keys', { headers: admin, body: { name: 'Watcher', role: 'viewer' } });
    expect(created.status).toBe(201);
    const stream = await events({ authorization: `Bearer ${created.body.key}` });
    expect(stream.status).toBe(200);
    expect(await endsWithin(stream, HEARTBEAT_MS * 4)).toBe(false);
    expect((await server.request('DELETE', `/api/me/api-keys/${created.body.id}`, { headers: admin })).status).toBe(204);
    expect(await endsWithin(stream, HEARTBEAT_MS * 15)).toBe(true);
  });

  it('ends when its person’s role on the bot becomes none, and cannot be opened again', async () => {
    const { person } = await addPerson('hidden@example.com', 'viewer');
    const session = await signIn('hidden@example.com');
    const stream = await events(session);
    expect(stream.status).toBe(200);
    expect(await endsWithin(stream, HEARTBEAT_MS * 4)).toBe(false);
    const hide = await server.request('PUT', `/api/bots/${botId}/members/${person.id}`, { headers: admin, body: { role: 'none' } });
    expect(hide.status).toBe(200);
    expect(await endsWithin(stream, HEARTBEAT_MS * 15)).toBe(true);
    expect((await events(session)).status).toBe(403);
  });
});
