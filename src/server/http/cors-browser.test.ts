import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../e2e/chromium';
import { createTestDatabase, describeEachDatabase, startTestServer, type TestDatabase, type TestServer } from '../testing/api-harness';

const TOKEN = 'cross-origin-token';

/** What a page on another origin saw: every status and header it could read. */
interface Seen {
  created: { status: number; location: string | null; etag: string | null };
  renamed: { status: number; etag: string | null };
  notModified: number;
  integration: { status: number; location: string | null };
  replaced: { status: number; etag: string | null };
  deleted: number;
  exported: { status: number; disposition: string | null };
  methodNotAllowed: { status: number; allow: string | null };
}

/** Runs in the page: serialized by Playwright, so it uses nothing from this module. */
async function runPage([api, token, integration]: readonly [string, string, unknown]): Promise<Seen> {
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    accept: 'application/json, application/problem+json',
  };
  const created = await fetch(`${api}/api/bots`, { method: 'POST', headers, body: JSON.stringify({ name: 'From afar' }) });
  const bot = (await created.json()) as { id: string };
  const botPath = `${api}/api/bots/${bot.id}`;
  const renamed = await fetch(botPath, {
    method: 'PATCH',
    headers: { ...headers, 'if-match': created.headers.get('etag') ?? '' },
    body: JSON.stringify({ name: 'Renamed afar' }),
  });
  const notModified = await fetch(botPath, {
    headers: { authorization: headers.authorization, 'if-none-match': renamed.headers.get('etag') ?? '' },
  });
  const made = await fetch(`${botPath}/integrations`, { method: 'POST', headers, body: JSON.stringify(integration) });
  const location = made.headers.get('location') ?? '';
  const replaced = await fetch(api + location, {
    method: 'PUT',
    headers: { ...headers, 'if-match': made.headers.get('etag') ?? '' },
    body: JSON.stringify(integration),
  });
  const deleted = await fetch(api + location, {
    method: 'DELETE',
    headers: { authorization: headers.authorization, 'if-match': replaced.headers.get('etag') ?? '' },
  });
  const exported = await fetch(`${botPath}/export`, { headers: { authorization: headers.authorization } });
  const wrong = await fetch(`${api}/api/bots`, { method: 'PUT', headers, body: '{}' });
  return {
    created: { status: created.status, location: created.headers.get('location'), etag: created.headers.get('etag') },
    renamed: { status: renamed.status, etag: renamed.headers.get('etag') },
    notModified: notModified.status,
    integration: { status: made.status, location },
    replaced: { status: replaced.status, etag: replaced.headers.get('etag') },
    deleted: deleted.status,
    exported: { status: exported.status, disposition: exported.headers.get('content-disposition') },
    methodNotAllowed: { status: wrong.status, allow: wrong.headers.get('allow') },
  };
}

describeEachDatabase('a page on another origin, in Chromium, on %s', (kind) => {
  let database: TestDatabase;
  let api: TestServer;
  let pageServer: Server;
  let pageOrigin: string;
  let browser: Browser;

  beforeAll(async () => {
    // The page's own server: another port is another origin.
    pageServer = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>elsewhere</title>'),
    );
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
    database = await createTestDatabase(kind);
    api = await startTestServer(database.target, { corsOrigin: `https://other.example, ${pageOrigin}`, adminToken: TOKEN });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await database?.destroy();
    await new Promise((resolve) => pageServer.close(resolve));
  });

  it('does everything the web app does: writes with If-Match, reads ETag, Location, Content-Disposition, Allow', async () => {
    const page = await browser.newPage();
    await page.goto(pageOrigin);
    const seen = await page.evaluate(runPage, [api.baseUrl, TOKEN, anIntegrationInput('LIVEPERSON_AGENT_ESCALATION')] as const);
    expect(seen.created).toMatchObject({ status: 201, etag: '"1"', location: expect.stringMatching(/^\/api\/bots\//) });
    expect(seen.renamed).toEqual({ status: 200, etag: '"2"' });
    expect(seen.notModified).toBe(304);
    expect(seen.integration.status).toBe(201);
    expect(seen.integration.location).toMatch(/\/integrations\//);
    expect(seen.replaced).toEqual({ status: 200, etag: '"2"' });
    expect(seen.deleted).toBe(204);
    expect(seen.exported.status).toBe(200);
    expect(seen.exported.disposition).toContain('attachment');
    expect(seen.methodNotAllowed).toEqual({ status: 405, allow: 'GET, HEAD, POST' });
    await page.close();
  }, 60_000);
});
