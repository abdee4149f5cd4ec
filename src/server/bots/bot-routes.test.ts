import { beforeEach, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';

describeEachDatabase('bots API on %s', (kind) => {
  const server = useTestServer(kind);
  beforeEach(async () => {
    await server.request('POST', '/api/testing/reset', { body: { seed: 'empty' } });
  });

  it('creates, reads, renames and deletes a bot with ETags', async () => {
    const created = await server.request('POST', '/api/bots', { body: { name: '  Sales Bot ', description: 'Sells' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/bots/${created.body.id}`);
    expect(created.body).toMatchObject({ name: 'Sales Bot', description: 'Sells', version: 1 });
    const path = `/api/bots/${created.body.id}`;
    const read = await server.request('GET', path);
    expect(read.headers.get('etag')).toBe('"1"');

    expect((await server.request('PATCH', path, { body: { name: 'Renamed' } })).status).toBe(428);
    const renamed = await server.request('PATCH', path, { body: { name: 'Renamed' }, headers: { 'if-match': '"1"' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Renamed', description: 'Sells', version: 2 });
    expect(renamed.headers.get('etag')).toBe('"2"');
    expect((await server.request('PATCH', path, { body: { name: 'Late' }, headers: { 'if-match': '"1"' } })).status).toBe(412);

    expect((await server.request('DELETE', path, { headers: { 'if-match': '"1"' } })).status).toBe(412);
    expect((await server.request('DELETE', path, { headers: { 'if-match': '"2"' } })).status).toBe(204);
    expect((await server.request('GET', path)).status).toBe(404);
  });

  it('deletes the integrations of a deleted bot', async () => {
    const bot = await server.request('POST', '/api/bots', { body: { name: 'Doomed' } });
    const integration = await server.request('POST', `/api/bots/${bot.body.id}/integrations`, {
      body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION'),
    });
    await server.request('DELETE', `/api/bots/${bot.body.id}`, { headers: { 'if-match': '"1"' } });
    expect((await server.request('GET', `/api/bots/${bot.body.id}/integrations/${integration.body.id}`)).status).toBe(404);
  });

  it('validates names and refuses unknown fields', async () => {
    const empty = await server.request('POST', '/api/bots', { body: { name: '   ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.name).toBe('Bot name is required.');
    const long = await server.request('POST', '/api/bots', { body: { name: 'x'.repeat(101) } });
    expect(long.body.errors.name).toContain('at most 100');
    const unknown = await server.request('POST', '/api/bots', { body: { name: 'x', owner: 'me' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toHaveProperty('owner');
  });

  it('lists bots in the page shape, by name, with search and cursor', async () => {
    for (const name of ['charlie', 'Alpha', 'bravo']) await server.request('POST', '/api/bots', { body: { name } });
    const first = await server.request('GET', '/api/bots?limit=2');
    expect(first.body.items.map((bot: { name: string }) => bot.name)).toEqual(['Alpha', 'bravo']);
    const second = await server.request('GET', `/api/bots?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ name: 'charlie' }], nextCursor: null });
    const search = await server.request('GET', '/api/bots?q=RAV');
    expect(search.body.items.map((bot: { name: string }) => bot.name)).toEqual(['bravo']);
  });
});
