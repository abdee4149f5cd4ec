import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '../db/database';
import {
  createTestDatabase,
  describeEachDatabase,
  hasPostgres,
  startTestServer,
  useTestServer,
  type TestDatabase,
  type TestServer,
} from '../testing/api-harness';
import { startTcpProxy, type TcpProxy } from '../testing/tcp-proxy';

// Port 4592 is this file's proxy (4500-4599: the several-servers range).
const PROXY_PORT = 4592;

function expectRetryLater(answer: { status: number; headers: Headers; body: unknown }, what: string) {
  expect(answer.status, what).toBe(503);
  expect(answer.headers.get('retry-after'), what).toMatch(/^\d+$/);
  expect(answer.headers.get('content-type'), what).toContain('application/problem+json');
  expect(answer.body, what).toMatchObject({ status: 503, title: 'Service Unavailable' });
}

describeEachDatabase('a server whose database is not ready yet (%s)', (kind) => {
  let ready = false;
  const server = useTestServer(kind, { isDatabaseReady: () => ready });

  it('answers every API route 503 with Retry-After, readiness 503, liveness and the docs 200, until it is ready', async () => {
    expectRetryLater(await server.request('GET', '/api/bots'), 'GET /api/bots');
    expectRetryLater(await server.request('POST', '/api/bots', { body: { name: 'Early' } }), 'POST /api/bots');
    expectRetryLater(await server.request('GET', '/api/skills'), 'GET /api/skills');
    expectRetryLater(await server.request('GET', '/api/health'), 'GET /api/health');
    expect((await server.request('GET', '/api/health/live')).status).toBe(200);
    expect((await server.request('GET', '/api/openapi.json')).status).toBe(200);
    ready = true;
    expect((await server.request('GET', '/api/bots')).status).toBe(200);
    expect((await server.request('GET', '/api/health')).status).toBe(200);
  });
});

// PostgreSQL only: the embedded database runs in the process and cannot be cut off.
describe.skipIf(!hasPostgres)('a server whose PostgreSQL cannot be reached', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let server: TestServer;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const url = new URL(database.target.kind === 'postgres' ? database.target.url : '');
    proxy = await startTcpProxy(PROXY_PORT, { host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = '127.0.0.1';
    url.port = String(PROXY_PORT);
    const target: DatabaseTarget = { kind: 'postgres', url: url.toString() };
    server = await startTestServer(target);
  });
  afterAll(async () => {
    await server?.close();
    await proxy?.close();
    await database?.destroy();
  });

  it('answers 503 with Retry-After on every route while it is away, never 500, and serves again once it is back', async () => {
    const bot = await server.request('POST', '/api/bots', { body: { name: 'Before' } });
    expect(bot.status).toBe(201);
    await proxy.cut();
    expectRetryLater(await server.request('GET', '/api/bots'), 'GET /api/bots');
    expectRetryLater(await server.request('GET', `/api/bots/${bot.body.id}`), 'GET one bot');
    expectRetryLater(await server.request('POST', '/api/bots', { body: { name: 'During' } }), 'POST /api/bots');
    expectRetryLater(
      await server.request('PATCH', `/api/bots/${bot.body.id}`, { body: { name: 'Renamed' }, headers: { 'if-match': '"1"' } }),
      'PATCH',
    );
    expectRetryLater(await server.request('GET', '/api/credentials'), 'GET /api/credentials');
    expectRetryLater(await server.request('GET', '/api/health'), 'readiness');
    expect((await server.request('GET', '/api/health/live')).status).toBe(200);

    await proxy.restore();
    expect((await server.request('GET', '/api/health')).status).toBe(200);
    const after = await server.request('GET', '/api/bots');
    expect(after.status).toBe(200);
    expect(after.body.items.map((item: { name: string }) => item.name)).toEqual(['Before']);
  });
});
