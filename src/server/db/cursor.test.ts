import { beforeAll, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
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

  it('still pages with the cursors it gives out, and a well-formed cursor past the end gives an empty page', async () => {
    const first = await server.request('GET', `/api/bots/${botId}/integrations?limit=2`);
    const second = await server.request('GET', `/api/bots/${botId}/integrations?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(second.body.items.map((item: { name: string }) => item.name)).toEqual(['Gamma']);
    const past = await server.request('GET', `/api/bots/${botId}/integrations?cursor=${cursorOf(['zzz', UUID])}`);
    expect(past.status).toBe(200);
    expect(past.body).toEqual({ items: [], nextCursor: null });
  });
});
