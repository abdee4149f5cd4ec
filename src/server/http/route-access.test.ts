import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { createTestDatabase, describeEachDatabase, startTestServer, type TestDatabase, type TestServer } from '../testing/api-harness';

import { rawRequest } from '../testing/raw-http';
import { routeTable, type RouteEntry } from './route-access';

const TOKEN = 's3cret';
const auth = { authorization: `Bearer ${TOKEN}` };

/**
 * Other spellings of one path. `routed` ones reach the same route (the router decodes, takes the path
 * of an absolute-form target, ignores a trailing slash): they must be 401. The others match no API
 * route; they may be any refusal but must never carry data.
 */
function spellings(path: string): { target: string; routed: boolean }[] {
  const rest = path.slice('/api'.length);
  const second = rest.slice(1, 2);
  return [
    { target: path, routed: true },
    { target: `/ap%69${rest}`, routed: true },
    { target: `/%61pi${rest}`, routed: true },
    { target: `/%61%70%69${rest}`, routed: true },
    { target: `/api/%${second.charCodeAt(0).toString(16)}${rest.slice(2)}`, routed: true },
    { target: `${path}/`, routed: true },
    { target: `http://localhost${path}`, routed: true },
    { target: `http://127.0.0.1:1/%61pi${rest}`, routed: true },
    { target: `HTTP://LOCALHOST${path}?x=1`, routed: true },
    // A name that is not the server's is refused (421) before access is decided.
    { target: `http://any${path}`, routed: false },
    { target: `/api/../api${rest}`, routed: false },
    { target: `/x/../api${rest}`, routed: false },
    { target: `/api/.${rest}`, routed: false },
    { target: `/api/%2e%2e/api${rest}`, routed: false },
    { target: `/x/%2E%2E/api${rest}`, routed: false },
    { target: `//api${rest}`, routed: false },
    { target: `/api/${rest}`, routed: false },
    { target: `/API${rest}`, routed: false },
    { target: `/Api${rest}`, routed: false },
    { target: `/%2561pi${rest}`, routed: false },
  ];
}

describeEachDatabase('access with ADMIN_TOKEN on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let webRoot: string;
  let botId: string;
  let integrationId: string;

  beforeAll(async () => {
    // With the built web app: its wildcard route and page fallback are where stray spellings land.
    webRoot = mkdtempSync(join(tmpdir(), 'access-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Integrations Panel</title>');
    database = await createTestDatabase(kind);
    server = await startTestServer(database.target, { adminToken: TOKEN, enableTestApi: true, webRoot });
    const bot = await server.request('POST', '/api/bots', { body: { name: 'Secret Plans Bot' }, headers: auth });
    botId = bot.body.id;
    const integration = await server.request('POST', `/api/bots/${botId}/integrations`, {
      body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION'),
      headers: auth,
    });
    integrationId = integration.body.id;
  });
  afterAll(async () => {
    await server.close();
    await database.destroy();
    rmSync(webRoot, { recursive: true, force: true });
  });

  const concrete = (route: RouteEntry) =>
    route.url
      .replace(':botId', botId)
      .replace(':id', route.url.startsWith('/api/skills') ? '3402109730' : integrationId)
      .replace(':version', '1')
      .replace('*', 'x');

  it('guards every API route but the health check, the OpenAPI document and the docs', () => {
    const routes = routeTable(server.app);
    expect(routes.length).toBeGreaterThan(20);
    const publicApi = routes.filter((route) => route.access === 'public' && route.url.startsWith('/api')).map((route) => route.url);
    for (const url of publicApi) expect(url).toMatch(/^\/api\/(health(\/live)?|openapi\.json|docs(\/.*)?)$/);
    expect(publicApi).toContain('/api/health');
    expect(routes.filter((route) => route.access === 'admin').map((route) => route.url)).toEqual(
      expect.arrayContaining(['/api/bots', '/api/bots/:botId/integrations/:id', '/api/testing/reset', '/api/bots/import']),
    );
  });

  it('answers 401 to every spelling of every guarded route, and never reaches a handler', async () => {
    const guarded = routeTable(server.app).filter((route) => route.access !== 'public');
    const failures: string[] = [];
    for (const route of guarded) {
      const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
      const body = route.url === '/api/testing/reset' ? '{"seed":"empty"}' : '{"name":"pwned"}';
      for (const { target, routed } of spellings(concrete(route))) {
        const response = await rawRequest(server.baseUrl, {
          method: route.method,
          target,
          headers: { 'if-match': '"1"', ...(hasBody ? { 'content-type': 'application/json' } : {}) },
          body: hasBody ? body : undefined,
        });
        // The ids are in the URL (and echoed as the problem's instance); the stored data is not.
        const leaks = ['Secret Plans Bot', 'Hold on while I connect', 'pwned'].some((secret) => response.text.includes(secret));
        const refused = routed ? response.status === 401 : response.status >= 400 && response.status < 500;
        if (!refused || leaks) failures.push(`${route.method} ${target} (${route.url}) → ${response.status} ${response.text.slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
    const bots = await server.request('GET', '/api/bots', { headers: auth });
    expect(bots.body.items.map((bot: { name: string }) => bot.name)).toEqual(['Secret Plans Bot']);
    const integrations = await server.request('GET', `/api/bots/${botId}/integrations`, { headers: auth });
    expect(integrations.body.items).toHaveLength(1);
  });

  it('takes the token with the scheme name in any case, and refuses a wrong one', async () => {
    for (const authorization of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `BEARER  ${TOKEN}`]) {
      expect((await server.request('GET', '/api/bots', { headers: { authorization } })).status, authorization).toBe(200);
    }
    for (const authorization of ['Bearer wrong', `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN}x`, 'Bearer']) {
      const response = await server.request('GET', '/api/bots', { headers: { authorization } });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('keeps the public routes and the web app open', async () => {
    expect((await server.request('GET', '/api/health')).status).toBe(200);
    expect((await server.request('GET', '/api/openapi.json')).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/api/docs`)).status).toBe(200);
    const page = await fetch(`${server.baseUrl}/bots/${botId}/integrations`);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('Secret Plans Bot');
  });
});
