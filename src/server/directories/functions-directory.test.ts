import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeLivePerson, type FakeLivePerson } from './testing/fake-liveperson';
import { describeEachDatabase, startTestServer, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

// These tests are about other things than versions: each write names whatever version is current.
const ANY_VERSION = { 'if-match': '*' };

const faas = (functionId: string) => ({ type: 'FAAS', name: 'Points', functionId, headers: [], payload: '' });

describeEachDatabase('functions directory on %s', (kind) => {
  const server = useTestServer(kind);
  beforeEach(async () => {
    await server.request('POST', '/api/testing/reset');
  });

  it('is seeded for the demo, which calls one of its functions, and is searchable', async () => {
    const list = await server.request('GET', '/api/functions');
    expect(list.body.source).toBe('local');
    expect(list.body.items.map((fn: { name: string; state: string }) => `${fn.name}:${fn.state}`)).toEqual([
      'Loyalty points lookup:Productive',
      'Order refund check:Draft',
    ]);
    expect(list.body.items[0].usedBy.map((usage: { integrationName: string }) => usage.integrationName)).toEqual(['LoyaltyPoints']);
    expect((await server.request('GET', '/api/functions?q=REFUND')).body.items).toHaveLength(1);
    expect((await server.request('GET', '/api/functions?q=loyalty-po')).body.items).toHaveLength(1);
  });

  it('adds, reads, changes and removes functions; ids and names are unique', async () => {
    const created = await server.request('POST', '/api/functions', {
      body: { name: 'Weather', description: 'Forecast', state: 'Modified' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Weather', description: 'Forecast', state: 'Modified', usedBy: [] });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const given = await server.request('POST', '/api/functions', { body: { id: 'fn-1', name: 'Given id' } });
    expect(given.body).toMatchObject({ id: 'fn-1', state: 'Draft', description: '' });
    expect((await server.request('POST', '/api/functions', { body: { id: 'fn-1', name: 'Other' } })).status).toBe(409);
    expect((await server.request('POST', '/api/functions', { body: { name: 'weather' } })).body.errors).toHaveProperty('name');
    expect((await server.request('POST', '/api/functions', { body: { name: 'X', state: 'Deployed' } })).status).toBe(400);

    expect((await server.request('GET', '/api/functions/fn-1')).body.name).toBe('Given id');
    const patched = await server.request('PATCH', '/api/functions/fn-1', {
      headers: ANY_VERSION,
      body: { name: 'Renamed', state: 'Productive' },
    });
    expect(patched.body).toMatchObject({ id: 'fn-1', name: 'Renamed', state: 'Productive' });
    expect((await server.request('PATCH', '/api/functions/fn-1', { headers: ANY_VERSION, body: {} })).status).toBe(400);
    expect((await server.request('PATCH', '/api/functions/nope', { headers: ANY_VERSION, body: { name: 'x' } })).status).toBe(404);
    expect((await server.request('DELETE', '/api/functions/fn-1', { headers: ANY_VERSION })).status).toBe(204);
    expect((await server.request('GET', '/api/functions/fn-1')).status).toBe(404);
  });

  it('refuses to delete a function an integration calls, and keeps the reference through a rename', async () => {
    const botId = await freshBot(server);
    await server.request('POST', '/api/functions', { body: { id: 'fn-used', name: 'Used' } });
    const integration = (await server.request('POST', `/api/bots/${botId}/integrations`, { body: faas('fn-used') })).body;
    await server.request('PATCH', '/api/functions/fn-used', { headers: ANY_VERSION, body: { name: 'Still used' } });
    const refused = await server.request('DELETE', '/api/functions/fn-used', { headers: ANY_VERSION });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('Test Bot › Points');
    expect(refused.body.errors['usedBy.0']).toContain(integration.id);
    expect((await server.request('GET', '/api/functions/fn-used')).body.usedBy).toHaveLength(1);
  });
});

describe('functions directory read from LivePerson Functions', () => {
  let fake: FakeLivePerson;
  beforeAll(async () => {
    // As the Functions API (faasUI) lists lambdas: uuid, name, description, state, among other keys.
    fake = await startFakeLivePerson(
      'lp-token',
      () => ({
        status: 200,
        body: [
          {
            uuid: '5b4b4f52-7d0e-4bbd-9b0b-2d3c9c6f8a01',
            version: 3,
            name: 'Greeting',
            description: 'Says hi',
            state: 'Productive',
            runtime: { name: 'Node.js 18' },
          },
          { uuid: '0c2a71e4-3f55-4d59-8c3e-6a2e8d4b1f02', version: 1, name: 'Draft one', description: null, state: 'Draft' },
        ],
      }),
      100,
    );
  });
  afterAll(() => fake.close());

  it('lists the account functions read-only, asking upstream once for concurrent requests', async () => {
    const server = await startTestServer(
      { kind: 'pglite', dataDir: null },
      {
        livePersonDirectories: {
          functions: { accountId: '123456', accessToken: 'lp-token', domain: fake.origin },
          'knowledge-bases': null,
        },
      },
    );
    try {
      fake.seen.length = 0;
      const lists = await Promise.all(Array.from({ length: 8 }, () => server.request('GET', '/api/functions')));
      expect(fake.seen).toHaveLength(1);
      expect(fake.seen[0]).toEqual({ url: '/api/account/123456/lambdas/?v=1', authorization: 'Bearer lp-token' });
      expect(lists[0]!.body).toEqual({
        source: 'liveperson',
        fetchedAt: expect.any(String),
        stale: false,
        items: [
          { id: '0c2a71e4-3f55-4d59-8c3e-6a2e8d4b1f02', name: 'Draft one', description: '', state: 'Draft', usedBy: [] },
          { id: '5b4b4f52-7d0e-4bbd-9b0b-2d3c9c6f8a01', name: 'Greeting', description: 'Says hi', state: 'Productive', usedBy: [] },
        ],
      });
      expect((await server.request('GET', '/api/functions?q=draft')).body.items).toHaveLength(1);
      expect((await server.request('GET', '/api/functions/5b4b4f52-7d0e-4bbd-9b0b-2d3c9c6f8a01')).body.name).toBe('Greeting');
      expect((await server.request('GET', '/api/functions/missing')).status).toBe(404);
      const refused = await server.request('POST', '/api/functions', { body: { name: 'Local' } });
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toContain('LP_FUNCTIONS_DOMAIN');
      expect((await server.request('DELETE', '/api/functions/5b4b4f52-7d0e-4bbd-9b0b-2d3c9c6f8a01', { headers: ANY_VERSION })).status).toBe(
        409,
      );
    } finally {
      await server.close();
    }
  });

  it('answers 502 with a reason when the Functions API refuses the token', async () => {
    const server = await startTestServer(
      { kind: 'pglite', dataDir: null },
      { livePersonDirectories: { functions: { accountId: '123456', accessToken: 'wrong', domain: fake.origin }, 'knowledge-bases': null } },
    );
    try {
      const response = await server.request('GET', '/api/functions');
      expect(response.status).toBe(502);
      expect(response.body.detail).toContain('LivePerson Functions API answered 401');
    } finally {
      await server.close();
    }
  });
});
