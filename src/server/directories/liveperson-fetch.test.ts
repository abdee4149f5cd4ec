import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LivePersonService } from './liveperson-fetch';
import { startFakeLivePerson, type FakeAnswer, type FakeLivePerson } from './testing/fake-liveperson';
import { createTestDatabase, describeEachDatabase, startTestServer, type TestDatabase } from '../testing/api-harness';

/* LivePerson's answers are input: a redirect elsewhere, a huge answer and a slow one each end in a 502 that says why. */

const TOKEN = 'kai-token';
const kb = (index: number) => ({ id: `kb-${index}`, name: `Knowledge base ${index}`, type: 'INTERNAL', language: 'en-US' });

describe('a LivePerson API answer is read within bounds', () => {
  let answer: () => FakeAnswer = () => ({ status: 200, body: [] });
  let upstream: FakeLivePerson;
  let elsewhere: FakeLivePerson;
  // On disk, so each case's server reopens it (under a second) rather than migrating a new one.
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    upstream = await startFakeLivePerson(TOKEN, () => answer());
    elsewhere = await startFakeLivePerson(TOKEN, () => ({ status: 200, body: [kb(666)] }));
  });
  afterAll(async () => {
    await upstream.close();
    await elsewhere.close();
    await database.destroy();
  });

  /**
   * One server per case, reading upstream once: the list and its back-off are kept in the database for
   * every server, so each case starts from none.
   */
  async function listWith(limits: LivePersonService['limits'], respond: () => FakeAnswer) {
    answer = respond;
    const server = await startTestServer(database.target, {
      livePersonDirectories: {
        functions: null,
        'knowledge-bases': { accountId: '123456', accessToken: TOKEN, domain: upstream.origin, limits },
      },
    });
    try {
      await server.database.db.execute(sql`delete from upstream_lists`);
      const started = Date.now();
      const response = await server.request('GET', '/api/knowledge-bases');
      return { ...response, ms: Date.now() - started };
    } finally {
      await server.close();
    }
  }

  it('never follows a redirect, to another host or its own', async () => {
    const moved = await listWith({}, () => ({
      status: 302,
      headers: { location: `${elsewhere.origin}/cb/kai/v1/accounts/123456/knowledgeBases` },
    }));
    expect(moved.status).toBe(502);
    expect(moved.body.detail).toContain('redirect');
    expect(elsewhere.seen).toHaveLength(0);
    expect((await listWith({}, () => ({ status: 307, headers: { location: '/elsewhere' } }))).status).toBe(502);
  });

  it('stops reading an answer past its byte cap, declared or not', async () => {
    const piece = JSON.stringify(kb(1)) + ',';
    const huge = await listWith({ maxBytes: 64 * 1024 }, () => ({
      status: 200,
      // 100 MB if it were read in full, and no Content-Length to refuse it by.
      trickle: { pieces: 1_000_000, piece: (index) => (index === 0 ? '[' : piece), everyMs: 0 },
    }));
    expect(huge.status).toBe(502);
    expect(huge.body.detail).toContain('more than 0.1 MB');
    expect(upstream.bytesSent()).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses more entries than its item cap', async () => {
    const many = await listWith({ maxItems: 1_000 }, () => ({
      status: 200,
      body: { successResult: Array.from({ length: 1_001 }, (_, i) => kb(i)) },
    }));
    expect(many.status).toBe(502);
    expect(many.body.detail).toContain('1,001 entries');
    expect(
      (await listWith({ maxItems: 1_000 }, () => ({ status: 200, body: Array.from({ length: 1_000 }, (_, i) => kb(i)) }))).status,
    ).toBe(200);
  });

  it('gives up on headers that come late and on a body that trickles, within its time budget', async () => {
    const slowHeaders = await listWith({ timeMs: 300 }, () => ({
      status: 200,
      trickle: { pieces: 1, piece: () => '[]', everyMs: 0 },
    }));
    expect(slowHeaders.status).toBe(200);
    const late = await startFakeLivePerson(TOKEN, () => ({ status: 200, body: [] }), 3_000);
    const server = await startTestServer(database.target, {
      livePersonDirectories: {
        functions: null,
        'knowledge-bases': { accountId: '123456', accessToken: TOKEN, domain: late.origin, limits: { timeMs: 300 } },
      },
    });
    try {
      const response = await server.request('GET', '/api/knowledge-bases');
      expect(response.status).toBe(502);
      expect(response.body.detail).toContain('within 0.3 s');
    } finally {
      await server.close();
      await late.close();
    }
    // Headers at once, then a piece every 100 ms for 3 s: the budget covers the body too.
    const trickling = await listWith({ timeMs: 300 }, () => ({
      status: 200,
      trickle: { pieces: 30, piece: (index) => (index === 0 ? '[' : index === 29 ? '{"id":"x","name":"x"}]' : ' '), everyMs: 100 },
    }));
    expect(trickling.status).toBe(502);
    expect(trickling.body.detail).toContain('within 0.3 s');
    expect(trickling.ms).toBeLessThan(2_500);
  });

  it('reads the skills through the same bounds', async () => {
    answer = () => ({ status: 302, headers: { location: `${elsewhere.origin}/skills` } });
    const server = await startTestServer(database.target, {
      livePersonDirectories: { skills: { accountId: '123456', accessToken: TOKEN, domain: upstream.origin } },
    });
    try {
      const response = await server.request('GET', '/api/skills');
      expect(response.status).toBe(502);
      expect(response.body.detail).toContain('redirect');
      expect(elsewhere.seen).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});

describeEachDatabase('70,000 knowledge bases read from KnowledgeAI on %s', (kind) => {
  const count = 70_000;
  let upstream: FakeLivePerson;
  let database: TestDatabase;
  beforeAll(async () => {
    upstream = await startFakeLivePerson(TOKEN, () => ({ status: 200, body: Array.from({ length: count }, (_, i) => kb(i)) }));
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await upstream.close();
    await database.destroy();
  });

  it('lists them with their usages: the ids go to the database as one array parameter', async () => {
    const server = await startTestServer(database.target, {
      livePersonDirectories: { functions: null, 'knowledge-bases': { accountId: '123456', accessToken: TOKEN, domain: upstream.origin } },
    });
    try {
      const bot = await server.request('POST', '/api/bots', { body: { name: 'Knowledge bot' } });
      const created = await server.request('POST', `/api/bots/${bot.body.id}/integrations`, {
        body: { type: 'KNOWLEDGE_AI', name: 'Search', knowledgeBaseId: 'kb-69999' },
      });
      expect(created.status).toBe(201);
      const list = await server.request('GET', '/api/knowledge-bases');
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(count);
      const used = list.body.items.find((item: { id: string }) => item.id === 'kb-69999');
      expect(used.usedBy).toEqual([expect.objectContaining({ integrationName: 'Search' })]);
    } finally {
      await server.close();
    }
  }, 60_000);
});
