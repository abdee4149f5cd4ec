import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../app';
import { readConfig } from '../config';
import { HELMET_OPTIONS } from '../http/security';
import { startTestServer, type TestServer } from '../testing/api-harness';

/** `script-src 'self'` → { 'script-src': ["'self'"] } */
function directives(header: string): Record<string, string[]> {
  return Object.fromEntries(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security of the HTTP surface', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ kind: 'pglite', dataDir: null });
  }, 120_000);
  afterAll(async () => server?.close());

  it('sends a Content-Security-Policy that allows only its own scripts and styles, and workers from itself (Monaco)', async () => {
    const response = await fetch(`${server.baseUrl}/api/health`);
    const csp = directives(response.headers.get('content-security-policy') ?? '');
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    // Monaco sets inline style attributes; no remote stylesheet is allowed.
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['worker-src']).toEqual(["'self'", 'blob:']);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    for (const sources of Object.values(csp)) {
      expect(sources.filter((source) => /^(https?:|\*|'unsafe-eval')/.test(source))).toEqual([]);
    }
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends on every answer, found or not, each header helmet sets, with the value helmet gives it', async () => {
    const response = new ServerResponse(new IncomingMessage(new Socket()));
    helmet(HELMET_OPTIONS)(response.req, response, () => undefined);
    const expected = Object.entries(response.getHeaders());
    expect(expected.length).toBeGreaterThan(10);
    for (const path of ['/api/health', '/api/bots', '/api/nothing-here', '/api/bots/not-a-uuid/integrations']) {
      const answer = await fetch(`${server.baseUrl}${path}`);
      for (const [name, value] of expected) expect([path, name, answer.headers.get(name)]).toEqual([path, name, String(value)]);
    }
  });

  it('binds to the loopback address unless HOST says otherwise', () => {
    expect(readConfig({}).host).toBe('127.0.0.1');
    expect(readConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('answers a body over the limit with 413 problem+json, and stores nothing', async () => {
    const before = await server.request('GET', '/api/bots');
    const response = await fetch(`${server.baseUrl}/api/bots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Big', description: 'x'.repeat(BODY_LIMIT_BYTES) }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 413, title: 'Payload Too Large', detail: expect.stringContaining('1 MB') });
    expect((await server.request('GET', '/api/bots')).body).toEqual(before.body);
  });

  it('refuses text the database cannot store (NUL, unpaired surrogates) as 400 naming the field, not 500', async () => {
    const response = await fetch(`${server.baseUrl}/api/bots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"A\\u0000B","description":"\\ud800"}',
    });
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(Object.keys(problem.errors).sort()).toEqual(['description', 'name']);
  });

  it('answers a path that is not valid UTF-8 with 400 problem+json', async () => {
    const response = await fetch(`${server.baseUrl}/api/bots/%ED%A0%80`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
