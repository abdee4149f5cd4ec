import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, startTestServer, type TestDatabase, type TestServer } from '../testing/api-harness';
import { rawExchange, rawRequest } from '../testing/raw-http';

/** Status line, headers and the problem+json body of a raw answer. */
function parseRaw(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: body ? JSON.parse(body) : null };
}

describeEachDatabase('problem+json for every refusal on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'problems-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Integrations Panel</title>');
    database = await createTestDatabase(kind);
    server = await startTestServer(database.target, { webRoot });
  });
  afterAll(async () => {
    await server.close();
    await database.destroy();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('answers what the HTTP parser refuses as problem+json: unknown method, ambiguous framing, huge headers', async () => {
    const cases: [string, number][] = [
      ['FOO /api/bots HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 400],
      ['POST /api/bots HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400],
      [`GET /api/bots HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
      ['GET /api/bots HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n', 400],
    ];
    for (const [bytes, status] of cases) {
      const answer = parseRaw(await rawExchange(server.baseUrl, bytes));
      expect(answer.status, bytes.slice(0, 30)).toBe(status);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(answer.body).toMatchObject({
        status,
        title: expect.any(String),
        detail: expect.any(String),
        type: expect.stringContaining('/problems/'),
      });
    }
  });

  it('answers 405 with Allow for a method the path does not take, 404 for a path nothing answers', async () => {
    const bot = await server.request('POST', '/api/bots', { body: { name: 'Allow' } });
    const cases: [string, string, string][] = [
      ['PUT', '/api/bots', 'GET, HEAD, POST'],
      ['DELETE', '/api/bots?limit=1', 'GET, HEAD, POST'],
      ['POST', `/api/bots/${bot.body.id}`, 'GET, HEAD, PATCH, DELETE'],
      ['GET', `/api/bots/${bot.body.id}/integrations/${bot.body.id}/revisions/1/restore`, 'POST'],
      ['PATCH', '/api/health', 'GET, HEAD'],
      ['GET', `/api/bots/${bot.body.id}/simulate`, 'POST'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await server.request(method, path, method === 'GET' ? {} : { body: {} });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get('allow'), `${method} ${path}`).toBe(allow);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.title).toBe('Method Not Allowed');
    }
    expect((await server.request('PUT', '/api/nothing', { body: {} })).status).toBe(404);
  });

  it('titles every client error by its status, e.g. a forbidden path', async () => {
    for (const target of ['//api/bots', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../etc/passwd']) {
      const response = await rawRequest(server.baseUrl, { method: 'GET', target });
      expect(response.status, target).toBeGreaterThanOrEqual(400);
      expect(response.status, target).toBeLessThan(500);
      expect(response.headers['content-type'], target).toContain('application/problem+json');
      const problem = JSON.parse(response.text);
      expect(problem.status).toBe(response.status);
      if (response.status !== 400) expect(problem.title, target).not.toBe('Bad Request');
      expect(response.text).not.toContain('root:');
    }
  });

  it('drops __proto__ keys from a JSON body, as the README says, instead of refusing it', async () => {
    const response = await server.request('POST', '/api/bots', {
      raw: '{"name":"Proto","__proto__":{"polluted":true}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.name).toBe('Proto');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nested = await server.request('POST', '/api/bots', {
      raw: '{"name":"Nested","description":"d","x":{"__proto__":{"a":1}}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(nested.status).toBe(400);
    expect(nested.body.errors).toHaveProperty('x');
  });
});
