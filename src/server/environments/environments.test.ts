import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';

const SECRET = 'env-secret-value-7f3a91c2';

describeEachDatabase('environments API on %s', (kind) => {
  const server = useTestServer(kind);
  beforeEach(async () => {
    await server.request('POST', '/api/testing/reset', { body: { seed: 'empty' } });
  });

  const sandbox = {
    name: 'Sandbox',
    description: 'Development',
    variables: [
      { name: 'SKILL_ID', value: '12345', secret: false },
      { name: 'API_KEY', value: SECRET, secret: true },
    ],
  };

  it('creates, reads, changes and deletes an environment with ETags, secrets answered only as set', async () => {
    const created = await server.request('POST', '/api/environments', { body: sandbox });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`/api/environments/${created.body.id}`);
    expect(created.body).toMatchObject({
      name: 'Sandbox',
      description: 'Development',
      variables: [
        { name: 'SKILL_ID', value: '12345', secret: false },
        { name: 'API_KEY', secret: true, set: true },
      ],
      usedBy: [],
      version: 1,
    });
    expect(created.body.variables[1]).not.toHaveProperty('value');
    const path = `/api/environments/${created.body.id}`;
    expect((await server.request('GET', path, { headers: { 'if-none-match': '"1"' } })).status).toBe(304);

    expect((await server.request('PATCH', path, { body: { description: 'x' } })).status).toBe(428);
    // A secret given without a value keeps the stored one; the other variables are replaced.
    const changed = await server.request('PATCH', path, {
      body: {
        variables: [
          { name: 'API_KEY', secret: true },
          { name: 'URL', value: 'https://dev.example.com' },
        ],
      },
      headers: { 'if-match': '"1"' },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(changed.body).toMatchObject({
      description: 'Development',
      variables: [
        { name: 'API_KEY', secret: true, set: true },
        { name: 'URL', value: 'https://dev.example.com', secret: false },
      ],
    });
    expect((await server.request('PATCH', path, { body: { description: 'late' }, headers: { 'if-match': '"1"' } })).status).toBe(412);
    const cleared = await server.request('PATCH', path, {
      body: { variables: [{ name: 'API_KEY', value: '', secret: true }] },
      headers: { 'if-match': '"2"' },
    });
    expect(cleared.body.variables).toEqual([{ name: 'API_KEY', secret: true, set: false }]);

    const list = await server.request('GET', '/api/environments');
    expect(list.body.items.map((item: { name: string }) => item.name)).toEqual(['Sandbox']);
    expect((await server.request('DELETE', path, { headers: { 'if-match': '"3"' } })).status).toBe(204);
    expect((await server.request('GET', path)).status).toBe(404);
  });

  it('refuses names against the platform rules, and duplicates with 409', async () => {
    const bad = await server.request('POST', '/api/environments', { body: { name: 'E', variables: [{ name: 'my var', value: '1' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors['variables.0.name']).toContain('letters, digits and _');
    const digit = await server.request('POST', '/api/environments', { body: { name: 'E', variables: [{ name: '1ST', value: '1' }] } });
    expect(digit.status).toBe(400);
    const noValue = await server.request('POST', '/api/environments', { body: { name: 'E', variables: [{ name: 'A' }] } });
    expect(noValue.body.errors['variables.0.value']).toBe('Value is required.');

    expect((await server.request('POST', '/api/environments', { body: sandbox })).status).toBe(201);
    const taken = await server.request('POST', '/api/environments', { body: { name: 'sandbox' } });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toHaveProperty('name');
    const twice = await server.request('POST', '/api/environments', {
      body: {
        name: 'Other',
        variables: [
          { name: 'A', value: '1' },
          { name: 'A', value: '2' },
        ],
      },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.errors).toHaveProperty(['variables.1.name']);
  });

  it('lets a bot name its environment, and refuses to delete one in use unless forced', async () => {
    const environment = (await server.request('POST', '/api/environments', { body: sandbox })).body;
    const bot = (await server.request('POST', '/api/bots', { body: { name: 'Dev bot' } })).body;
    expect(bot.environmentId).toBeNull();
    const pointed = await server.request('PATCH', `/api/bots/${bot.id}`, {
      body: { environmentId: environment.id },
      headers: { 'if-match': '"1"' },
    });
    expect(pointed.status).toBe(200);
    expect(pointed.body).toMatchObject({ environmentId: environment.id, name: 'Dev bot', version: 2 });
    const unknown = await server.request('PATCH', `/api/bots/${bot.id}`, {
      body: { environmentId: '00000000-0000-4000-8000-000000000000' },
      headers: { 'if-match': '"2"' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toHaveProperty('environmentId');

    const read = await server.request('GET', `/api/environments/${environment.id}`);
    expect(read.body.usedBy).toEqual([{ id: bot.id, name: 'Dev bot' }]);
    const refused = await server.request('DELETE', `/api/environments/${environment.id}`, { headers: { 'if-match': '"1"' } });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('"Dev bot"');
    expect(refused.body.bots).toEqual([{ id: bot.id, name: 'Dev bot' }]);
    const forced = await server.request('DELETE', `/api/environments/${environment.id}?force=true`, { headers: { 'if-match': '"1"' } });
    expect(forced.status).toBe(204);
    const after = await server.request('GET', `/api/bots/${bot.id}`);
    expect(after.body).toMatchObject({ environmentId: null, version: 3 });

    const cleared = await server.request('PATCH', `/api/bots/${bot.id}`, { body: { environmentId: null }, headers: { 'if-match': '"3"' } });
    expect(cleared.status).toBe(200);
  });
});
