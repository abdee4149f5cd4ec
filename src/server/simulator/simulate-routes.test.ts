import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { createTestDatabase, startTestServer, type TestDatabase, type TestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

const LOOP = 'while (true) {}';
const BOMB = "let a = [];\nwhile (true) a.push('x'.repeat(1e6));";
const stores = [{ city: 'Boston' }, { city: 'Denver' }];
const WRAP = `var response = botContext.getBotVariable('api_Locations');
var jsonData = JSON.parse(response.jsonData);
response.jsonData = JSON.stringify({ api_Locations: { stores: jsonData.api_Locations } });
botContext.setBotVariable('api_Locations', response, true, false);
botContext.printDebugMessage('status ' + botContext.getBotVariable('api_LocationsStatus') + ' region ' + botContext.getEnvVariable('region'));`;

const locations = (transformScript: string) =>
  anIntegrationInput('API', {
    name: 'Locations',
    transformScript,
    customDataFields: [{ key: 'city', value: '{$.api_Locations.stores[i].city}' }],
  });

describe('simulate API (real HTTP, PGlite)', () => {
  let database: TestDatabase;
  let server: TestServer;
  let botId: string;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    server = await startTestServer(database.target);
  });
  afterAll(async () => {
    await server.close();
    await database.destroy();
  });
  beforeEach(async () => {
    botId = await freshBot(server);
  });

  const body = (extra: Record<string, unknown> = {}) => ({
    sample: { status: 201, body: JSON.stringify(stores) },
    envVariables: [{ key: 'region', value: 'EU' }],
    ...extra,
  });

  it('runs a saved integration', async () => {
    const created = await server.request('POST', `/api/bots/${botId}/integrations`, { body: locations(WRAP) });
    expect(created.status).toBe(201);
    const response = await server.request('POST', `/api/bots/${botId}/integrations/${created.body.id}/simulate`, { body: body() });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      customDataFields: [{ key: 'city', expression: '{$.api_Locations.stores[i].city}', value: ['Boston', 'Denver'], note: null }],
      debugLog: ['status 201 region EU'],
      error: null,
    });
    expect(response.body.durationMs).toBeGreaterThan(0);
  });

  it('runs an unsaved integration given as the create body', async () => {
    const response = await server.request('POST', `/api/bots/${botId}/simulate`, { body: body({ integration: locations(WRAP) }) });
    expect(response.status).toBe(200);
    expect(response.body.customDataFields[0].value).toEqual(['Boston', 'Denver']);
    expect(response.body.botVariables.map((variable: { key: string }) => variable.key)).toEqual(['api_Locations']);
  });

  it('answers a script error as 200 with its line and column', async () => {
    const response = await server.request('POST', `/api/bots/${botId}/simulate`, {
      body: body({ integration: locations('var x = 1;\nx.y.z();') }),
    });
    expect(response.status).toBe(200);
    expect(response.body.error).toMatchObject({
      kind: 'script',
      line: 2,
      column: expect.any(Number),
      message: expect.stringMatching(/^TypeError/),
    });
  });

  it('keeps answering other requests while a memory bomb and an endless loop run', async () => {
    const started = performance.now();
    const bomb = server.request('POST', `/api/bots/${botId}/simulate`, { body: body({ integration: locations(BOMB) }) });
    const loop = server.request('POST', `/api/bots/${botId}/simulate`, { body: body({ integration: locations(LOOP) }) });
    // Give both runs time to start and block their threads.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const healthStarted = performance.now();
    const health = await server.request('GET', `/api/bots/${botId}`);
    expect(health.status).toBe(200);
    expect(performance.now() - healthStarted).toBeLessThan(500);
    const quick = await server.request('POST', `/api/bots/${botId}/simulate`, { body: body({ integration: locations(WRAP) }) });
    expect(quick.body.error).toBeNull();
    expect(performance.now() - started).toBeLessThan(1400);

    const [bombed, looped] = await Promise.all([bomb, loop]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(bombed.status).toBe(200);
    expect(bombed.body.error.kind).toMatch(/^(memory|timeout)$/);
    expect(looped.status).toBe(200);
    expect(looped.body.error).toMatchObject({ kind: 'timeout' });
  });

  it('answers 404 for an unknown bot or integration', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const noIntegration = await server.request('POST', `/api/bots/${botId}/integrations/${unknown}/simulate`, { body: body() });
    expect(noIntegration.status).toBe(404);
    expect(noIntegration.headers.get('content-type')).toContain('application/problem+json');
    const noBot = await server.request('POST', `/api/bots/${unknown}/simulate`, { body: body({ integration: locations('') }) });
    expect(noBot.status).toBe(404);
  });

  it('answers 400 with field errors for a malformed request', async () => {
    const created = await server.request('POST', `/api/bots/${botId}/integrations`, {
      body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION'),
    });
    const badSample = await server.request('POST', `/api/bots/${botId}/integrations/${created.body.id}/simulate`, {
      body: { sample: { status: 200, body: 'not json' } },
    });
    expect(badSample.status).toBe(400);
    expect(badSample.body.errors['sample.body']).toMatch(/^Sample body must be JSON text/);
    const badIntegration = await server.request('POST', `/api/bots/${botId}/simulate`, {
      body: body({ integration: { type: 'API', name: 'x' } }),
    });
    expect(badIntegration.status).toBe(400);
    expect(Object.keys(badIntegration.body.errors)).toEqual(expect.arrayContaining(['integration.method', 'integration.url']));
    const badId = await server.request('POST', `/api/bots/${botId}/integrations/not-a-uuid/simulate`, { body: body() });
    expect(badId.status).toBe(400);
  });
});
