import { expect, it } from 'vitest';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';

describeEachDatabase('the bots list in natural order on %s', (kind) => {
  const server = useTestServer(kind);

  it('puts "Load bot 6" before "Load bot 59", page after page, and searches by any part of the name', async () => {
    await server.request('POST', '/api/testing/reset', { body: { seed: 'empty' } });
    const names = ['Load bot 59', 'Load bot 6', 'load bot 10', 'Alpha', 'Load bot 6b', 'Load bot 007', 'Bot 2 of 12', 'Bot 2 of 3'];
    for (const name of names) expect((await server.request('POST', '/api/bots', { body: { name } })).status).toBe(201);
    const expected = ['Alpha', 'Bot 2 of 3', 'Bot 2 of 12', 'Load bot 6', 'Load bot 6b', 'Load bot 007', 'load bot 10', 'Load bot 59'];

    const all = await server.request('GET', '/api/bots?limit=50');
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.items.map((bot: { name: string }) => bot.name)).toEqual(expected);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { name: string }[]; nextCursor: string | null } } = await server.request(
        'GET',
        `/api/bots?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      paged.push(...page.body.items.map((bot) => bot.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(expected);

    const found = await server.request('GET', `/api/bots?q=${encodeURIComponent('BOT 5')}`);
    expect(found.body.items.map((bot: { name: string }) => bot.name)).toEqual(['Load bot 59']);
  });
});
