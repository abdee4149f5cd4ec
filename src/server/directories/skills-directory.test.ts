import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDatabase, startTestServer, useTestServer } from '../testing/api-harness';

// These tests are about other things than versions: each write names whatever version is current.
const ANY_VERSION = { 'if-match': '*' };

describeEachDatabase('skill directory on %s', (kind) => {
  const server = useTestServer(kind);
  beforeEach(async () => {
    await server.request('POST', '/api/testing/reset');
  });

  it('is seeded with demo skills and searchable by name or id', async () => {
    const all = await server.request('GET', '/api/skills');
    expect(all.body.source).toBe('local');
    expect(all.body.items.map((skill: { name: string }) => skill.name)).toEqual(['Billing', 'Customer Care', 'Sales', 'Technical Support']);
    expect((await server.request('GET', '/api/skills?q=CARE')).body.items).toEqual([
      { id: '3402109730', name: 'Customer Care', version: 1 },
    ]);
    expect((await server.request('GET', '/api/skills?q=3402109732')).body.items).toEqual([{ id: '3402109732', name: 'Sales', version: 1 }]);
  });

  it('puts a deleted skill back with its long id (the Undo of the delete)', async () => {
    const created = await server.request('POST', '/api/skills', { body: { id: '9223372036854775807', name: 'Longest' } });
    expect(created.status).toBe(201);
    expect((await server.request('DELETE', '/api/skills/9223372036854775807', { headers: ANY_VERSION })).status).toBe(204);
    const restored = await server.request('POST', '/api/skills/9223372036854775807/restore');
    expect(restored.status).toBe(201);
    expect(restored.body).toEqual({ id: '9223372036854775807', name: 'Longest', version: 2 });
    expect((await server.request('GET', '/api/skills?q=Longest')).body.items).toEqual([restored.body]);
    expect((await server.request('POST', '/api/skills/42/restore')).status).toBe(404);
  });

  it('adds, renames and removes skills, with unique ids and names', async () => {
    const created = await server.request('POST', '/api/skills', { body: { id: 42, name: 'VIP' } });
    expect(created.status).toBe(201);
    expect((await server.request('POST', '/api/skills', { body: { id: 42, name: 'Other' } })).body.errors).toHaveProperty('id');
    const sameName = await server.request('POST', '/api/skills', { body: { id: 43, name: 'vip' } });
    expect(sameName.status).toBe(409);
    expect(sameName.body.errors).toHaveProperty('name');
    expect((await server.request('POST', '/api/skills', { body: { id: -1, name: 'x' } })).body.errors).toHaveProperty('id');
    // The id as the form types it (text, up to 19 digits) or as older clients send it (a number): the same skill.
    expect((await server.request('POST', '/api/skills', { body: { id: '42', name: 'x' } })).status).toBe(409);
    for (const id of ['0', '12a', '1.5', '99999999999999999999', '9223372036854775808', '']) {
      expect((await server.request('POST', '/api/skills', { body: { id, name: 'x' } })).body.errors, id).toHaveProperty('id');
    }
    const longest = await server.request('POST', '/api/skills', { body: { id: '9223372036854775807', name: 'Longest id' } });
    expect(longest.status).toBe(201);
    expect(longest.body).toEqual({ id: '9223372036854775807', name: 'Longest id', version: 1 });
    expect((await server.request('GET', '/api/skills?q=92233720368547758')).body.items).toEqual([
      { id: '9223372036854775807', name: 'Longest id', version: 1 },
    ]);
    expect((await server.request('DELETE', '/api/skills/9223372036854775807', { headers: ANY_VERSION })).status).toBe(204);

    const renamed = await server.request('PATCH', '/api/skills/42', { headers: ANY_VERSION, body: { name: 'Premium' } });
    expect(renamed.body).toEqual({ id: '42', name: 'Premium', version: 2 });
    expect((await server.request('PATCH', '/api/skills/999', { headers: ANY_VERSION, body: { name: 'x' } })).status).toBe(404);
    expect((await server.request('DELETE', '/api/skills/42', { headers: ANY_VERSION })).status).toBe(204);
    expect((await server.request('DELETE', '/api/skills/42', { headers: ANY_VERSION })).status).toBe(404);
  });
});

describe('skill directory read from LiveEngage', () => {
  let fake: Server;
  let fakeOrigin: string;
  const seen: { url: string; authorization: string | undefined }[] = [];

  beforeAll(async () => {
    // A local stand-in for the Account Config API: the real one is in the LivePerson cloud.
    fake = createServer((request, response) => {
      seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
      if (request.headers.authorization !== 'Bearer le-token') {
        response.writeHead(401).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify([
          { id: 11, name: 'Escalations', deleted: false, skillOrder: 1 },
          { id: 12, name: 'Old skill', deleted: true },
          { id: 13, name: 'Bots' },
        ]),
      );
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const address = fake.address();
    fakeOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => fake.close(() => resolve())));

  it('lists the account skills without deleted ones, and refuses local edits', async () => {
    const server = await startTestServer(
      { kind: 'pglite', dataDir: null },
      { livePersonDirectories: { skills: { accountId: '123456', accessToken: 'le-token', domain: fakeOrigin } } },
    );
    try {
      const list = await server.request('GET', '/api/skills');
      expect(list.body).toEqual({
        source: 'liveperson',
        fetchedAt: expect.any(String),
        stale: false,
        // By name, as every directory is listed.
        items: [
          { id: '13', name: 'Bots' },
          { id: '11', name: 'Escalations' },
        ],
      });
      expect(seen[0]?.url).toMatch(/^\/api\/account\/123456\/configuration\/le-users\/skills/);
      expect((await server.request('GET', '/api/skills?q=bot')).body.items).toEqual([{ id: '13', name: 'Bots' }]);
      expect(seen).toHaveLength(1);
      expect((await server.request('POST', '/api/skills', { body: { id: 1, name: 'x' } })).status).toBe(409);
    } finally {
      await server.close();
    }
  });

  it('answers 502 with a reason when LiveEngage refuses the token', async () => {
    const server = await startTestServer(
      { kind: 'pglite', dataDir: null },
      { livePersonDirectories: { skills: { accountId: '123456', accessToken: 'wrong', domain: fakeOrigin } } },
    );
    try {
      const response = await server.request('GET', '/api/skills');
      expect(response.status).toBe(502);
      expect(response.body.detail).toContain('401');
    } finally {
      await server.close();
    }
  });
});
