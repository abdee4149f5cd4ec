import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anIntegrationInput } from '../domain/samples';
import { createTestDatabase, startTestServer, type TestDatabase, type TestServer } from './testing/api-harness';

describe('the server around the API', () => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    server = await startTestServer(database.target);
  });
  afterAll(async () => {
    await server.close();
    await database.destroy();
  });

  it('answers the health check', async () => {
    const response = await server.request('GET', '/api/health');
    expect(response).toMatchObject({ status: 200, body: { status: 'ok', database: 'pglite', build: null } });
  });

  it('publishes an OpenAPI document generated from the schemas, and Swagger UI', async () => {
    const doc = await server.request('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    const post = doc.body.paths['/api/bots/{botId}/integrations'].post;
    const body = JSON.stringify(post.requestBody);
    for (const type of ['API', 'EMAIL', 'FILE', 'FAAS', 'KNOWLEDGE_AI', 'LIVEPERSON_AGENT_ESCALATION']) expect(body).toContain(type);
    expect(body).toContain('agentSkillId');
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '404', '409']));
    const ui = await fetch(`${server.baseUrl}/api/docs`, { redirect: 'follow' });
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('resets to the demo data through the test API', async () => {
    const reset = await server.request('POST', '/api/testing/reset');
    expect(reset.status).toBe(200);
    const [bot] = reset.body.bots;
    expect(bot.name).toBe('Customer Care Bot');
    const list = await server.request('GET', `/api/bots/${bot.id}/integrations`);
    const types = list.body.items.map((item: { type: string }) => item.type).sort();
    expect(types).toEqual(['API', 'EMAIL', 'FAAS', 'FILE', 'KNOWLEDGE_AI', 'LIVEPERSON_AGENT_ESCALATION']);
    const escalation = list.body.items.find((item: { type: string }) => item.type === 'LIVEPERSON_AGENT_ESCALATION');
    const full = await server.request('GET', `/api/bots/${bot.id}/integrations/${escalation.id}`);
    expect(full.body).toMatchObject({
      agentSkillName: 'Customer Care',
      agentSkillId: '3402109730',
      messageToUser: 'Hold on while I connect you with an agent.',
    });
    expect(full.body.customDataFields).toHaveLength(2);
    expect(full.body.transformScript).not.toBe('');

    const empty = await server.request('POST', '/api/testing/reset', { body: { seed: 'empty' } });
    expect(empty.body.bots).toEqual([]);
    expect((await server.request('GET', '/api/bots')).body.items).toEqual([]);
  });

  it('sends security headers and no CORS headers by default', async () => {
    const response = await fetch(`${server.baseUrl}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers unknown API routes with a problem', async () => {
    const response = await server.request('GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('keeps the test API off unless enabled', async () => {
    const production = await startTestServer({ kind: 'pglite', dataDir: null }, { enableTestApi: false });
    try {
      expect((await production.request('POST', '/api/testing/reset')).status).toBe(404);
    } finally {
      await production.close();
    }
  });

  it('requires the admin token on every API call when ADMIN_TOKEN is set', async () => {
    const guarded = await startTestServer({ kind: 'pglite', dataDir: null }, { adminToken: 's3cret' });
    try {
      const missing = await guarded.request('GET', '/api/bots');
      expect(missing.status).toBe(401);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
      expect((await guarded.request('GET', '/api/bots', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await guarded.request('GET', '/api/bots', { headers: { authorization: 'Bearer s3cret' } })).status).toBe(200);
      expect((await guarded.request('GET', '/api/health')).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('allows the CORS origin named by CORS_ORIGIN only', async () => {
    const open = await startTestServer({ kind: 'pglite', dataDir: null }, { corsOrigin: 'https://panel.example' });
    try {
      const allowed = await fetch(`${open.baseUrl}/api/health`, { headers: { origin: 'https://panel.example' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://panel.example');
      const other = await fetch(`${open.baseUrl}/api/health`, { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await open.close();
    }
  });

  it('keeps the data across a restart of the server on the same data directory', async () => {
    const restartable = await createTestDatabase('pglite');
    let first = await startTestServer(restartable.target);
    const bot = await first.request('POST', '/api/bots', { body: { name: 'Persistent' } });
    const created = await first.request('POST', `/api/bots/${bot.body.id}/integrations`, {
      body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION'),
    });
    await first.close();
    first = await startTestServer(restartable.target);
    try {
      const read = await first.request('GET', `/api/bots/${bot.body.id}/integrations/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);
    } finally {
      await first.close();
      await restartable.destroy();
    }
  });

  it('serves the built web app at /, at deep links and its hashed assets, but never for /api', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'web-root-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Integrations Panel</title>');
    writeFileSync(join(webRoot, 'assets', 'main-abc123.js'), 'console.log("a compressible line");\n'.repeat(200));
    const withWeb = await startTestServer({ kind: 'pglite', dataDir: null }, { webRoot });
    try {
      for (const path of ['/', '/bots/00000000-0000-4000-8000-000000000000/integrations/new']) {
        const page = await fetch(withWeb.baseUrl + path);
        expect(page.status, path).toBe(200);
        expect(await page.text(), path).toContain('<title>Integrations Panel</title>');
        expect(page.headers.get('cache-control'), path).toBe('no-cache');
      }
      const asset = await fetch(`${withWeb.baseUrl}/assets/main-abc123.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      // fetch asks for br/gzip and decodes: the header tells the file crossed the wire compressed.
      expect(asset.headers.get('content-encoding')).toMatch(/^(br|gzip)$/);
      expect(await asset.text()).toContain('a compressible line');
      const api = await withWeb.request('GET', '/api/nothing-here');
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await withWeb.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });
});
