import { expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';

describeEachDatabase('recently deleted integrations on %s', (kind) => {
  const server = useTestServer(kind);

  async function botWith(...names: string[]): Promise<{ botId: string; ids: string[] }> {
    const bot = await server.request('POST', '/api/testing/fixtures', { body: { seed: 'empty', prefix: 'deleted' } });
    const ids: string[] = [];
    for (const name of names) {
      const created = await server.request('POST', `/api/bots/${bot.body.botId}/integrations`, {
        body: anIntegrationInput('API', { name }),
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    return { botId: bot.body.botId, ids };
  }

  it('lists the deleted integrations by name, the latest first, and each restores in one request from what the list says', async () => {
    const { botId, ids } = await botWith('Orders', 'Refunds', 'Kept');
    const [orders, refunds] = ids as [string, string];
    const other = await botWith('Orders');
    expect(
      (await server.request('DELETE', `/api/bots/${other.botId}/integrations/${other.ids[0]}`, { headers: { 'if-match': '"1"' } })).status,
    ).toBe(204);
    await server.request('PUT', `/api/bots/${botId}/integrations/${orders}`, {
      body: anIntegrationInput('API', { name: 'Orders', url: 'https://orders.example.com/v2' }),
      headers: { 'if-match': '"1"' },
    });
    expect((await server.request('DELETE', `/api/bots/${botId}/integrations/${orders}`, { headers: { 'if-match': '"2"' } })).status).toBe(
      204,
    );
    expect((await server.request('DELETE', `/api/bots/${botId}/integrations/${refunds}`, { headers: { 'if-match': '"1"' } })).status).toBe(
      204,
    );

    const list = await server.request('GET', `/api/bots/${botId}/deleted-integrations`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      { id: refunds, name: 'Refunds', type: 'API', deletedAt: expect.any(String), deletedVersion: 2, restoreVersion: 1 },
      { id: orders, name: 'Orders', type: 'API', deletedAt: expect.any(String), deletedVersion: 3, restoreVersion: 2 },
    ]);

    const entry = list.body.items[1];
    const restored = await server.request('POST', `/api/bots/${botId}/integrations/${entry.id}/revisions/${entry.restoreVersion}/restore`, {
      headers: { 'if-match': `"${entry.deletedVersion}"` },
    });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: orders, name: 'Orders', url: 'https://orders.example.com/v2', version: 4 });
    const after = await server.request('GET', `/api/bots/${botId}/deleted-integrations`);
    expect(after.body.items.map((item: { name: string }) => item.name)).toEqual(['Refunds']);
  });

  it('answers an empty list for a bot with no deletions, and 404 in words for a bot that is not there', async () => {
    const { botId } = await botWith('Orders');
    expect((await server.request('GET', `/api/bots/${botId}/deleted-integrations`)).body).toEqual({ items: [] });
    const missing = await server.request('GET', '/api/bots/5b0c1a52-8f59-4a57-9a38-0a4f8f3c2d11/deleted-integrations');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });
});
