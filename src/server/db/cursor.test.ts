import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import {
  createTestDatabase,
  describeEachDatabase,
  hasPostgres,
  startTestServer,
  useTestServer,
  type TestDatabase,
  type TestServer,
} from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

const cursorOf = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const UUID = '3f1c1a52-6a4b-4c55-9d2e-8f7a6b5c4d3e';

/** Cursors a client could make by hand: wrong shapes, wrong types, text the database cannot compare. */
const HAND_MADE = [
  cursorOf(['a', 'zzz']),
  cursorOf(['a\u0000', UUID]),
  cursorOf(['a', `${UUID}\u0000`]),
  cursorOf(['\ud800', UUID]),
  cursorOf(['a', UUID.toUpperCase() + 'x']),
  cursorOf([1, 2]),
  cursorOf(['a', UUID, 'extra']),
  cursorOf({ nameKey: 'a', id: UUID }),
  cursorOf('not json'),
  cursorOf(['x'.repeat(600), UUID]),
  '%00',
  '!!!!',
];

describeEachDatabase('hand-made list cursors on %s', (kind) => {
  const server = useTestServer(kind);
  let botId: string;

  beforeAll(async () => {
    botId = await freshBot(server);
    for (const name of ['Alpha', 'Beta', 'Gamma'])
      await server.request('POST', `/api/bots/${botId}/integrations`, { body: anIntegrationInput('API', { name }) });
    await server.request('POST', '/api/bots', { body: { name: 'Second' } });
  });

  it.each(['/api/bots', '/api/bots/:botId/integrations'])('answers 400 problem+json for every malformed cursor on %s', async (route) => {
    const path = route.replace(':botId', botId);
    for (const cursor of HAND_MADE) {
      const response = await server.request('GET', `${path}?cursor=${encodeURIComponent(cursor)}`);
      expect(response.status, cursor).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors).toHaveProperty('cursor');
    }
  });

  it('still pages with the cursors it gives out; a well-formed one it did not give out, or gave for another list, is 400', async () => {
    const first = await server.request('GET', `/api/bots/${botId}/integrations?limit=2`);
    const second = await server.request('GET', `/api/bots/${botId}/integrations?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(second.body.items.map((item: { name: string }) => item.name)).toEqual(['Gamma']);
    const given: string = first.body.nextCursor;
    // The shape of a cursor, made by hand; the one given out, changed by a character; one of another list.
    const changed = `${given.slice(0, -2)}${given.at(-2) === 'A' ? 'B' : 'A'}${given.at(-1)}`;
    const otherBot = (await server.request('POST', '/api/bots', { body: { name: 'Third' } })).body.id;
    const botsCursor = (await server.request('GET', '/api/bots?limit=1')).body.nextCursor;
    for (const [path, cursor] of [
      [`/api/bots/${botId}/integrations`, cursorOf(['zzz', UUID])],
      [`/api/bots/${botId}/integrations`, changed],
      [`/api/bots/${botId}/integrations`, botsCursor],
      [`/api/bots/${otherBot}/integrations`, given],
      ['/api/bots', given],
    ] as const) {
      const answer = await server.request('GET', `${path}?cursor=${encodeURIComponent(cursor)}`);
      expect(answer.status, `${path} ${cursor}`).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});

describe.skipIf(!hasPostgres)('list cursors across two servers sharing one PostgreSQL database and SECRETS_KEY', () => {
  let database: TestDatabase;
  const servers: TestServer[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    // One after the other: both would otherwise race to apply the migrations. The harness gives both the same key.
    servers.push(await startTestServer(database.target));
    servers.push(await startTestServer(database.target));
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await database?.destroy();
  });

  it('opens on one server the cursors the other gave out, as behind a balancer', async () => {
    const [one, other] = servers as [TestServer, TestServer];
    for (const name of ['Alpha', 'Beta', 'Gamma']) await one.request('POST', '/api/bots', { body: { name } });
    const first = await one.request('GET', '/api/bots?limit=2');
    const next = await other.request('GET', `/api/bots?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(next.status).toBe(200);
    expect(next.body.items.map((item: { name: string }) => item.name)).toEqual(['Gamma']);
  });
});
