import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { createTestDatabase, hasPostgres, type TestDatabase } from '../testing/api-harness';
import { startChildServer, type ChildServer } from '../reliability/child-server';
import { openSse, type SseClient } from './testing/sse-client';

// Ports 4740-4759 are the live feature's: these two servers.
const PORTS = [4740, 4741];

async function call(server: ChildServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(server.baseUrl + path, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON shapes
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as any };
}

describe.skipIf(!hasPostgres)('live events across two server processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let servers: ChildServer[] = [];
  const streams: SseClient[] = [];
  let botId: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    // One at a time: the first migrates, the second finds it done.
    servers = [await startChildServer(database.target, PORTS[0]!), await startChildServer(database.target, PORTS[1]!)];
    botId = (await call(servers[0]!, 'POST', '/api/bots', { name: 'Shared bot' })).body.id;
  }, 120_000);
  afterAll(async () => {
    streams.forEach((stream) => stream.close());
    await Promise.all(servers.map((server) => server.stop()));
    await database?.destroy();
  });

  const openOn = async (server: ChildServer, query = '') => {
    const stream = await openSse(`${server.baseUrl}/api/bots/${botId}/events${query}`);
    streams.push(stream);
    await stream.next((event) => event.event === 'presence');
    return stream;
  };

  it('a save through one server reaches a stream on the other within one second', async () => {
    const [a, b] = servers as [ChildServer, ChildServer];
    const onB = await openOn(b);
    const created = await call(a, 'POST', `/api/bots/${botId}/integrations`, anIntegrationInput('API', { name: 'Orders' }));
    expect(created.status).toBe(201);
    await onB.next((event) => event.event === 'integration.created' && event.data.integrationId === created.body.id, 1_000);
    for (let version = 1; version <= 5; version += 1) {
      const body = { ...anIntegrationInput('API', { name: 'Orders' }), url: `https://api.example.com/v${version}` };
      const saved = await call(a, 'PUT', `/api/bots/${botId}/integrations/${created.body.id}`, body, { 'if-match': `"${version}"` });
      expect(saved.status).toBe(200);
      const answeredAt = Date.now();
      const event = await onB.next((e) => e.event === 'integration.saved' && e.data.version === version + 1, 1_000);
      expect(event.data.fields).toEqual(['url']);
      expect(event.at - answeredAt).toBeLessThan(1_000);
    }
  });

  it('presence told to one server shows on the other', async () => {
    const [a, b] = servers as [ChildServer, ChildServer];
    const onB = await openOn(b);
    expect((await call(a, 'POST', `/api/bots/${botId}/presence`, { tab: 'tab-on-a', field: 'url' })).status).toBe(204);
    const seen = await onB.next(
      (event) => event.event === 'presence' && event.data.present.some((tab: { tab: string }) => tab.tab === 'tab-on-a'),
      1_000,
    );
    expect(seen.data.present).toEqual([{ tab: 'tab-on-a', integrationId: null, field: null, author: null }]);
  });

  it('a server that loses its listening connection reconnects by itself and tells its clients to resync', async () => {
    const [a, b] = servers as [ChildServer, ChildServer];
    const onB = await openOn(b);
    const admin = new pg.Client({ connectionString: database.target.kind === 'postgres' ? database.target.url : '' });
    await admin.connect();
    try {
      const killed = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'integrations-panel-listen' and datname = current_database()`,
      );
      // One listening connection per server, for events and presence alike.
      expect(killed.rowCount).toBe(2);
    } finally {
      await admin.end();
    }
    await onB.next((event) => event.event === 'resync', 5_000);
    // And hears the other server again.
    const created = await call(a, 'POST', `/api/bots/${botId}/integrations`, anIntegrationInput('API', { name: 'AfterLoss' }));
    await onB.next((event) => event.event === 'integration.created' && event.data.integrationId === created.body.id, 1_000);
  });
});
