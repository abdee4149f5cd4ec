import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { bodyRoutes, type BodyRoute } from '../testing/body-routes';
import { depthExceededAt, MAX_JSON_DEPTH } from './json-body';

const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('depthExceededAt', () => {
  it('finds the bracket that opens one level too many, in arrays and objects alike', () => {
    expect(depthExceededAt(nestedArrays(MAX_JSON_DEPTH))).toBe(-1);
    expect(depthExceededAt(nestedArrays(MAX_JSON_DEPTH + 1))).toBe(MAX_JSON_DEPTH);
    expect(depthExceededAt(nestedObjects(MAX_JSON_DEPTH + 1))).toBe(MAX_JSON_DEPTH * 5);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(depthExceededAt(JSON.stringify({ text: '['.repeat(500), quoted: '\\"[[[[', more: '{'.repeat(500) }))).toBe(-1);
    expect(depthExceededAt(`["\\\\", ${nestedArrays(MAX_JSON_DEPTH)}]`)).toBe(MAX_JSON_DEPTH + 6);
  });
});

describeEachDatabase('body nesting limit on %s', (kind) => {
  const server = useTestServer(kind);
  let routes: BodyRoute[];

  beforeAll(async () => {
    routes = await bodyRoutes(server);
  }, 60_000);

  it('knows the routes that read a body', () => {
    expect(routes.map((route) => `${route.method} ${route.route}`)).toEqual(
      expect.arrayContaining([
        'POST /api/bots',
        'PATCH /api/bots/{botId}',
        'POST /api/bots/import',
        'PUT /api/bots/{botId}/integrations/{id}',
      ]),
    );
  });

  it('refuses a body nested 30,000 deep on every route with 400 problem+json, at once', async () => {
    for (const body of [nestedArrays(30_000), nestedObjects(30_000), `{"name":"x","description":${nestedArrays(20_000)}}`]) {
      for (const route of routes) {
        const started = performance.now();
        const response = await server.request(route.method, route.path, {
          raw: body,
          headers: { 'content-type': 'application/json', 'if-match': '"1"' },
        });
        const elapsed = performance.now() - started;
        expect(response.status, `${route.method} ${route.route}`).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.body).toMatchObject({ title: 'JSON too deep', detail: expect.stringContaining(`${MAX_JSON_DEPTH} levels`) });
        expect(elapsed, `${route.method} ${route.route}`).toBeLessThan(1000);
      }
    }
  }, 120_000);

  it('accepts a body at the limit: the limit is about depth, not about brackets', async () => {
    const atLimit = JSON.parse(nestedArrays(MAX_JSON_DEPTH - 1)) as unknown;
    const response = await server.request('POST', '/api/bots', { body: { name: '[[[{{{', description: 'x' }, headers: {} });
    expect(response.status).toBe(201);
    // One level for the body object, the rest in a field: validation (not the parser) answers.
    const deep = await server.request('POST', '/api/bots', { body: { name: 'Deep', description: atLimit } });
    expect(deep.status).toBe(400);
    expect(deep.body.title).toBe('Validation failed');
  });

  it('refuses a "constructor" key holding "prototype" with a message that says so and where, on every route that reads a body', async () => {
    const bodies: [string, string][] = [
      ['{"name":"Ctor","constructor":{"prototype":{"polluted":true}}}', 'constructor'],
      ['{"name":"Ctor","description":"d","x":[{"constructor":{"prototype":{}}}]}', 'x.0.constructor'],
    ];
    for (const [body, path] of bodies) {
      for (const route of routes) {
        const response = await server.request(route.method, route.path, {
          raw: body,
          headers: { 'content-type': 'application/json', 'if-match': '"1"' },
        });
        const where = `${route.method} ${route.route} ${body}`;
        expect(response.status, where).toBe(400);
        expect(response.headers.get('content-type'), where).toContain('application/problem+json');
        // Valid JSON: not "Malformed JSON", and the message names the key where it is.
        expect(response.body.title, where).not.toBe('Malformed JSON');
        expect(JSON.stringify(response.body), where).toContain('constructor');
        expect(Object.keys(response.body.errors ?? {}), where).toContain(path);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads JSON as UTF-8 only: a body declared in another charset is refused with 415, UTF-8 in any spelling is read', async () => {
    const body = JSON.stringify({ name: 'Café bot' });
    for (const charset of ['latin1', 'ISO-8859-1', '"utf-16"']) {
      const refused = await server.request('POST', '/api/bots', {
        raw: body,
        headers: { 'content-type': `application/json; charset=${charset}` },
      });
      expect(refused.status, charset).toBe(415);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    for (const charset of ['utf-8', 'UTF-8', 'utf8']) {
      const read = await server.request('POST', '/api/bots', {
        raw: body,
        headers: { 'content-type': `application/json; charset=${charset}` },
      });
      expect(read.status, charset).toBe(201);
    }
  });
});
