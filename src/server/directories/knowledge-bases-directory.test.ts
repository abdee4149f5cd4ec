import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeLivePerson, type FakeLivePerson } from './testing/fake-liveperson';
import { describeEachDatabase, startTestServer, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

// These tests are about other things than versions: each write names whatever version is current.
const ANY_VERSION = { 'if-match': '*' };

const knowledgeAi = (knowledgeBaseId: string) => ({ type: 'KNOWLEDGE_AI', name: 'Faq', knowledgeBaseId });

describeEachDatabase('knowledge base directory on %s', (kind) => {
  const server = useTestServer(kind);
  beforeEach(async () => {
    await server.request('POST', '/api/testing/reset');
  });

  it('is seeded for the demo, whose KnowledgeAI integration searches one of them', async () => {
    const list = await server.request('GET', '/api/knowledge-bases');
    expect(list.body.source).toBe('local');
    expect(list.body.items.map((kb: { id: string; type: string }) => `${kb.id}:${kb.type}`)).toEqual([
      'customer-care-faq:internal',
      'product-manuals:external',
    ]);
    expect(list.body.items[0].usedBy.map((usage: { integrationName: string }) => usage.integrationName)).toEqual(['FAQ']);
    expect((await server.request('GET', '/api/knowledge-bases?q=manual')).body.items).toHaveLength(1);
  });

  it('adds, changes and removes knowledge bases, validating type and language', async () => {
    const created = await server.request('POST', '/api/knowledge-bases', {
      body: { name: 'Returns', type: 'external', language: 'fr-FR' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Returns', type: 'external', language: 'fr-FR', usedBy: [] });
    expect((await server.request('POST', '/api/knowledge-bases', { body: { name: 'Defaults' } })).body).toMatchObject({
      type: 'internal',
      language: 'en-US',
    });
    expect((await server.request('POST', '/api/knowledge-bases', { body: { name: 'X', type: 'hybrid' } })).status).toBe(400);
    expect(
      (await server.request('POST', '/api/knowledge-bases', { body: { name: 'X', language: 'english please' } })).body.errors,
    ).toHaveProperty('language');
    expect((await server.request('POST', '/api/knowledge-bases', { body: { name: 'RETURNS' } })).status).toBe(409);
    const id = created.body.id as string;
    expect(
      (
        await server.request('PATCH', `/api/knowledge-bases/${id}`, {
          headers: ANY_VERSION,
          body: { name: 'Returns policy', language: 'fr' },
        })
      ).body,
    ).toMatchObject({ name: 'Returns policy', language: 'fr' });
    expect((await server.request('DELETE', `/api/knowledge-bases/${id}`, { headers: ANY_VERSION })).status).toBe(204);
    expect((await server.request('DELETE', `/api/knowledge-bases/${id}`, { headers: ANY_VERSION })).status).toBe(404);
  });

  it('refuses to delete a knowledge base a KnowledgeAI integration searches', async () => {
    const botId = await freshBot(server);
    await server.request('POST', '/api/knowledge-bases', { body: { id: 'kb-used', name: 'Used' } });
    const integration = (await server.request('POST', `/api/bots/${botId}/integrations`, { body: knowledgeAi('kb-used') })).body;
    expect(integration.method).toBe('PHRASE_SEARCH');
    const refused = await server.request('DELETE', '/api/knowledge-bases/kb-used', { headers: ANY_VERSION });
    expect(refused.status).toBe(409);
    expect(refused.body.errors['usedBy.0']).toContain(integration.id);
  });
});

describe('knowledge base directory read from KnowledgeAI', () => {
  let fake: FakeLivePerson;
  beforeAll(async () => {
    fake = await startFakeLivePerson('kai-token', () => ({
      status: 200,
      body: {
        success: true,
        successResult: [
          { id: 'a1b2', name: 'Store FAQ', type: 'INTERNAL', language: 'en-US', articleCount: 12 },
          { id: 'c3d4', name: 'CMS search', type: 'EXTERNAL', language: 'de-DE' },
        ],
      },
    }));
  });
  afterAll(() => fake.close());

  it('lists the account knowledge bases read-only', async () => {
    const server = await startTestServer(
      { kind: 'pglite', dataDir: null },
      {
        livePersonDirectories: {
          functions: null,
          'knowledge-bases': { accountId: '123456', accessToken: 'kai-token', domain: fake.origin },
        },
      },
    );
    try {
      const list = await server.request('GET', '/api/knowledge-bases');
      expect(fake.seen.at(-1)).toEqual({ url: '/cb/kai/v1/accounts/123456/knowledgeBases', authorization: 'Bearer kai-token' });
      expect(list.body).toEqual({
        source: 'liveperson',
        fetchedAt: expect.any(String),
        stale: false,
        items: [
          { id: 'c3d4', name: 'CMS search', type: 'external', language: 'de-DE', usedBy: [] },
          { id: 'a1b2', name: 'Store FAQ', type: 'internal', language: 'en-US', usedBy: [] },
        ],
      });
      expect((await server.request('PATCH', '/api/knowledge-bases/a1b2', { headers: ANY_VERSION, body: { name: 'x' } })).status).toBe(409);
    } finally {
      await server.close();
    }
  });

  it('answers 502 when KnowledgeAI refuses the token', async () => {
    const server = await startTestServer(
      { kind: 'pglite', dataDir: null },
      { livePersonDirectories: { functions: null, 'knowledge-bases': { accountId: '123456', accessToken: 'bad', domain: fake.origin } } },
    );
    try {
      const response = await server.request('GET', '/api/knowledge-bases');
      expect(response.status).toBe(502);
      expect(response.body.detail).toContain('KnowledgeAI API answered 401');
    } finally {
      await server.close();
    }
  });
});
