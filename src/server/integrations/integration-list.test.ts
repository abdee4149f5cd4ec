import { beforeAll, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

describeEachDatabase('integration lists on %s', (kind) => {
  const server = useTestServer(kind);
  let botId: string;
  const names = Array.from({ length: 23 }, (_, i) => `Item${String(i).padStart(2, '0')}`);
  const apiNames = () => names.filter((name) => Number(name.slice(4)) % 2 === 0);

  beforeAll(async () => {
    botId = await freshBot(server);
    // Mixed case and two types, created out of order, to check ordering and filters.
    for (const name of [...names].reverse()) {
      const body =
        Number(name.slice(4)) % 2 === 0
          ? anIntegrationInput('API', { name })
          : anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name, responseDataVariable: name });
      expect((await server.request('POST', `/api/bots/${botId}/integrations`, { body })).status).toBe(201);
    }
    await server.request('POST', `/api/bots/${botId}/integrations`, { body: anIntegrationInput('API', { name: 'alpha' }) });
  });

  it('pages through every integration by name, ignoring case, with nextCursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await server.request('GET', `/api/bots/${botId}/integrations${query}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(10);
      seen.push(...page.body.items.map((item: { name: string }) => item.name));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(['alpha', ...names]);
  });

  it('returns summaries only', async () => {
    const page = await server.request('GET', `/api/bots/${botId}/integrations?limit=1`);
    expect(Object.keys(page.body.items[0]).sort()).toEqual(['id', 'name', 'responseDataVariable', 'type', 'updatedAt', 'version']);
  });

  it('defaults to 50 items and caps limit at 500', async () => {
    const page = await server.request('GET', `/api/bots/${botId}/integrations`);
    expect(page.body.items).toHaveLength(24);
    expect(page.body.nextCursor).toBeNull();
    for (const limit of ['0', '501', 'ten', '1.5']) {
      const bad = await server.request('GET', `/api/bots/${botId}/integrations?limit=${limit}`);
      expect(bad.status, limit).toBe(400);
      expect(bad.body.errors).toHaveProperty('limit');
    }
    expect((await server.request('GET', `/api/bots/${botId}/integrations?limit=500`)).status).toBe(200);
  });

  it('searches names with q, ignoring case, and filters by type', async () => {
    const search = await server.request('GET', `/api/bots/${botId}/integrations?q=ITEM1`);
    expect(search.body.items.map((item: { name: string }) => item.name)).toEqual(names.filter((n) => n.startsWith('Item1')));
    const percent = await server.request('GET', `/api/bots/${botId}/integrations?q=${encodeURIComponent('%')}`);
    expect(percent.body.items).toEqual([]);
    const escalations = await server.request('GET', `/api/bots/${botId}/integrations?type=LIVEPERSON_AGENT_ESCALATION&limit=500`);
    expect(escalations.body.items).toHaveLength(11);
    expect(new Set(escalations.body.items.map((item: { type: string }) => item.type))).toEqual(new Set(['LIVEPERSON_AGENT_ESCALATION']));
    const combined = await server.request('GET', `/api/bots/${botId}/integrations?type=API&q=item0`);
    expect(combined.body.items.map((item: { name: string }) => item.name)).toEqual(['Item00', 'Item02', 'Item04', 'Item06', 'Item08']);
    expect((await server.request('GET', `/api/bots/${botId}/integrations?type=SOAP`)).status).toBe(400);
  });

  it('matches type names too: the name the type select shows or the badge, ignoring case', async () => {
    const names = async (q: string) =>
      (await server.request('GET', `/api/bots/${botId}/integrations?limit=500&q=${encodeURIComponent(q)}`)).body.items.map(
        (item: { name: string }) => item.name,
      );
    const escalations = await names('escalation');
    expect(escalations).toHaveLength(11);
    expect(escalations.every((name: string) => Number(name.slice(4)) % 2 === 1)).toBe(true);
    // "api" is the API type, and no name holds it.
    expect(await names('API')).toEqual(['alpha', ...apiNames()]);
    // A text that is a name and no type name finds names only.
    expect(await names('alph')).toEqual(['alpha']);
  });

  it('rejects a cursor it did not give out', async () => {
    const response = await server.request('GET', `/api/bots/${botId}/integrations?cursor=not-ours`);
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveProperty('cursor');
  });

  it('rejects unknown query parameters', async () => {
    const response = await server.request('GET', `/api/bots/${botId}/integrations?sort=name`);
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveProperty('sort');
  });
});
