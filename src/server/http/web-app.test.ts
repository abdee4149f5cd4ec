import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/api-harness';
import { rawRequest } from '../testing/raw-http';

// A build laid out as Vite writes it: index.html loads the entry and preloads a vendor chunk; each
// screen is a chunk named after its route module, importing shared chunks statically and Monaco lazily.
const INDEX = `<!doctype html>
<html>
  <head>
    <title>Integrations Panel</title>
    <script type="module" crossorigin src="/assets/index-AbCdEf12.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/react-XyZ_1234.js">
    <link rel="stylesheet" crossorigin href="/assets/index-St1Le2Aa.css">
  </head>
  <body><div id="root"></div></body>
</html>`;
const CHUNKS: Record<string, string> = {
  'index-AbCdEf12.js': 'import"./react-XyZ_1234.js";console.log("entry");',
  'react-XyZ_1234.js': 'export const react=1;',
  'integrations-panel-Aa1Bb2Cc.js':
    'import{react as r}from"./react-XyZ_1234.js";import"./panel-shared-Dd3Ee4Ff.js";const m=()=>import("./monaco-Gg5Hh6Ii.js");',
  'panel-shared-Dd3Ee4Ff.js': `export const shared="${'a compressible line '.repeat(200)}";`,
  'integrations-index-Jj7Kk8Ll.js': 'import{shared}from"./panel-shared-Dd3Ee4Ff.js";',
  'integration-new-Mm9Nn0Oo.js': 'import"./form-shared-Ss5Tt6Uu.js";export const form=1;',
  'form-shared-Ss5Tt6Uu.js': 'export const formShared=1;',
  'monaco-Gg5Hh6Ii.js': 'export const monaco=1;',
  'skills-Pp1Qq2Rr.js': 'export const skills=1;',
};
// The manifest Vite writes beside them (build.manifest): which module each chunk comes from and its static imports.
const MANIFEST = {
  'index.html': { file: 'assets/index-AbCdEf12.js', isEntry: true, imports: ['_react-XyZ_1234.js'], css: ['assets/index-St1Le2Aa.css'] },
  '_react-XyZ_1234.js': { file: 'assets/react-XyZ_1234.js' },
  'src/web/app/routes/integrations-panel.tsx': {
    file: 'assets/integrations-panel-Aa1Bb2Cc.js',
    imports: ['_react-XyZ_1234.js', '_panel-shared-Dd3Ee4Ff.js', 'index.html'],
    dynamicImports: ['_monaco-Gg5Hh6Ii.js'],
  },
  '_panel-shared-Dd3Ee4Ff.js': { file: 'assets/panel-shared-Dd3Ee4Ff.js' },
  '_form-shared-Ss5Tt6Uu.js': { file: 'assets/form-shared-Ss5Tt6Uu.js', css: ['assets/form-shared-Vv7Ww8Xx.css'], imports: ['index.html'] },
  'src/web/app/routes/integrations-index.tsx': { file: 'assets/integrations-index-Jj7Kk8Ll.js', imports: ['_panel-shared-Dd3Ee4Ff.js'] },
  'src/web/app/routes/integration-new.tsx': { file: 'assets/integration-new-Mm9Nn0Oo.js', imports: ['_form-shared-Ss5Tt6Uu.js'] },
  '_monaco-Gg5Hh6Ii.js': { file: 'assets/monaco-Gg5Hh6Ii.js' },
  'src/web/app/routes/skills.tsx': { file: 'assets/skills-Pp1Qq2Rr.js' },
};
const BOT = '00000000-0000-4000-8000-000000000000';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that shows the bytes on the wire (fetch would ask for and undo compression itself). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** The modulepreload links the server added to index.html. */
const preloads = (html: string) =>
  [
    ...html
      .replace(INDEX.slice(0, INDEX.indexOf('</head>')), '')
      .matchAll(/<link rel="modulepreload" crossorigin href="\/assets\/([^"]+)">/g),
  ].map((match) => match[1]);

/** The stylesheets the server added to index.html. */
const stylesheets = (html: string) =>
  [
    ...html.replace(INDEX.slice(0, INDEX.indexOf('</head>')), '').matchAll(/<link rel="stylesheet" crossorigin href="\/assets\/([^"]+)">/g),
  ].map((match) => match[1]);

/** Every byte of `text` percent-encoded, once or twice (`a` → `%61` → `%2561`). */
const encoded = (text: string, times: number) =>
  [...text].map((char) => {
    let spelled = `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
    for (let time = 1; time < times; time++) spelled = spelled.replace('%', '%25');
    return spelled;
  });

/**
 * Spellings of /api/bots that a resolver, a proxy or another server may read as /api/bots: the segment
 * `api` in other cases and encodings (each letter, once or twice encoded), followed by matrix parameters,
 * whitespace, control characters or dots, and behind dot segments, slashes and backslashes.
 */
function apiSpellings(): string[] {
  const names = new Set<string>(['api', 'API', 'Api', encodeURIComponent('ａｐｉ')]);
  for (const times of [1, 2]) {
    const letters = encoded('api', times);
    names.add(letters.join(''));
    for (let index = 0; index < 3; index++) names.add([...'api'].map((char, at) => (at === index ? letters[at] : char)).join(''));
  }
  const suffixes = ['', ';', ';x=1', '%3b', '%09', '%20', '%00', '%0a', '%0d', '.', '%2e', '%e2%80%8b', '%2509'];
  const prefixes = ['/', '//', '/./', '/x/../', '/x/%2e%2e/', '/%2e/', '/%2f', '/\\', '/x/..%2f'];
  const spellings: string[] = [];
  for (const name of names) for (const suffix of suffixes) for (const prefix of prefixes) spellings.push(`${prefix}${name}${suffix}/bots`);
  return spellings;
}

/** The API reads the server named in the page (`<link rel="preload" as="fetch">`), in order. */
const dataPreloads = (html: string) =>
  [...html.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]+)">/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));

describe('the built web app', () => {
  let webRoot: string;
  let server: TestServer;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'web-root-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), INDEX);
    for (const [file, code] of Object.entries(CHUNKS)) writeFileSync(join(webRoot, 'assets', file), code);
    mkdirSync(join(webRoot, '.vite'));
    writeFileSync(join(webRoot, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
    writeFileSync(join(webRoot, 'build-id.txt'), 'mq1x2y-abc123\n');
    server = await startTestServer({ kind: 'pglite', dataDir: null }, { webRoot });
  });
  afterAll(async () => {
    await server.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('preloads the chunks of the screen a deep link opens on, with their static imports from the manifest, each once', async () => {
    const page = await rawGet(`${server.baseUrl}/bots/${BOT}/integrations`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-type']).toContain('text/html');
    const links = preloads(page.body.toString());
    expect(links.sort()).toEqual(['integrations-index-Jj7Kk8Ll.js', 'integrations-panel-Aa1Bb2Cc.js', 'panel-shared-Dd3Ee4Ff.js']);
    // Still the whole page, links inside its head.
    expect(page.body.toString()).toMatch(/modulepreload[^]*<\/head>[^]*<div id="root">/);
  });

  it('preloads per screen: the new-integration form, the skills page, the bots page', async () => {
    expect(preloads((await rawGet(`${server.baseUrl}/bots/${BOT}/integrations/new`)).body.toString()).sort()).toEqual([
      'form-shared-Ss5Tt6Uu.js',
      'integration-new-Mm9Nn0Oo.js',
      'integrations-panel-Aa1Bb2Cc.js',
      'panel-shared-Dd3Ee4Ff.js',
    ]);
    expect(preloads((await rawGet(`${server.baseUrl}/skills`)).body.toString())).toEqual(['skills-Pp1Qq2Rr.js']);
    // The bots screen is not in this build's manifest: no chunk to name, only its first read.
    expect(preloads((await rawGet(`${server.baseUrl}/`)).body.toString())).toEqual([]);
  });

  it("links the stylesheets of the screen's chunks, so the app's import of the screen does not wait for them after its scripts ran", async () => {
    const form = (await rawGet(`${server.baseUrl}/bots/${BOT}/integrations/new`)).body.toString();
    // The entry's own stylesheet is in index.html already: not named twice.
    expect(stylesheets(form)).toEqual(['form-shared-Vv7Ww8Xx.css']);
    expect(form).toMatch(/rel="stylesheet" crossorigin href="\/assets\/form-shared[^]*<\/head>[^]*<div id="root">/);
    expect(stylesheets((await rawGet(`${server.baseUrl}/bots/${BOT}/integrations`)).body.toString())).toEqual([]);
  });

  it("names the API reads a deep link's screens start with, as the app spells them, so the browser asks while the scripts load", async () => {
    const INTEGRATION = '11111111-1111-4111-8111-111111111111';
    const form = (await rawGet(`${server.baseUrl}/bots/${BOT}/integrations/${INTEGRATION}`)).body.toString();
    expect(dataPreloads(form)).toEqual([
      `/api/bots/${BOT}`,
      `/api/bots/${BOT}/integrations?limit=500`,
      `/api/bots/${BOT}/integrations/${INTEGRATION}`,
    ]);
    expect(dataPreloads((await rawGet(`${server.baseUrl}/`)).body.toString())).toEqual(['/api/bots?limit=100']);
    // Inside the head, before the page's body.
    expect(form).toMatch(/rel="preload" as="fetch"[^]*<\/head>[^]*<div id="root">/);
    // An address whose ids cannot be the database's names no read (the server would answer 404), and nothing of it is echoed.
    const odd = (await rawGet(`${server.baseUrl}/bots/%22%3E%3Cscript%3E/integrations/x%26y`)).body.toString();
    expect(dataPreloads(odd)).toEqual([]);
    expect(odd).not.toContain('<script>');
  });

  it('names no API read behind an admin token: the browser would send it without the token', async () => {
    const guarded = await startTestServer(
      { kind: 'pglite', dataDir: null },
      { webRoot, adminToken: 'a-long-enough-admin-token-for-tests' },
    );
    try {
      expect(dataPreloads((await rawGet(`${guarded.baseUrl}/bots/${BOT}/integrations`)).body.toString())).toEqual([]);
      expect(preloads((await rawGet(`${guarded.baseUrl}/bots/${BOT}/integrations`)).body.toString())).not.toEqual([]);
    } finally {
      await guarded.close();
    }
  });

  it('names the served build on /api/health, so a tab of another build can offer to reload', async () => {
    const health = await server.request('GET', '/api/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', build: 'mq1x2y-abc123' } });
    const doc = await server.request('GET', '/api/openapi.json');
    expect(JSON.stringify(doc.body.paths['/api/health'].get.responses['200'])).toContain('"build"');
  });

  it('answers hashed scripts compressed the way the browser asks, and as they are otherwise', async () => {
    const file = 'panel-shared-Dd3Ee4Ff.js';
    const original = readFileSync(join(webRoot, 'assets', file));
    const url = `${server.baseUrl}/assets/${file}`;

    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.body.length).toBeLessThan(original.length / 4);
    expect(brotliDecompressSync(br.body)).toEqual(original);

    const gzip = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body)).toEqual(original);

    const plain = await rawGet(url, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(original);

    // A chunk this build does not have (a tab open since the last deploy) is a 404, not the page.
    const missing = await rawGet(`${server.baseUrl}/assets/not-built-12345678.js`, { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it.each(['/api;/bots', '/%2561pi/bots', '/api%09/bots'])("answers %s with the API's 404 problem+json, not the page", async (target) => {
    const response = await rawRequest(server.baseUrl, { method: 'GET', target });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('answers no spelling that could be read as /api/… with the page: the API itself, or its 4xx problem+json', async () => {
    const spellings = apiSpellings();
    expect(spellings.length).toBeGreaterThan(1000);
    const pages: string[] = [];
    for (const target of spellings) {
      const response = await rawRequest(server.baseUrl, { method: 'GET', target });
      const type = String(response.headers['content-type']);
      // The API's own list (the router decodes %61 as a); anything else is a problem, never text/html.
      const answer =
        response.status === 200 ? type.startsWith('application/json') : response.status < 500 && type.includes('application/problem+json');
      if (!answer) pages.push(`${target}: ${response.status} ${type}`);
    }
    expect(pages).toEqual([]);
    // And the page is still the answer for the app's own routes, with names that only start like the API.
    for (const target of ['/bots/x/integrations', '/apis', '/api-docs-of-mine', '/x/api', '/rapid/api']) {
      const page = await rawRequest(server.baseUrl, { method: 'GET', target });
      expect(page.headers['content-type'], target).toContain('text/html');
    }
  });

  it('answers a chunk of the build it started with that a rebuild in place has removed, from the copy kept for old tabs, not 500', async () => {
    const file = 'skills-Pp1Qq2Rr.js';
    rmSync(join(webRoot, 'assets', file));
    try {
      // On the embedded database the build's files are stored alongside the start.
      await expect.poll(async () => (await rawGet(`${server.baseUrl}/assets/${file}`, { 'accept-encoding': 'br' })).status).toBe(200);
      for (const encoding of ['br', 'gzip', 'identity']) {
        const kept = await rawGet(`${server.baseUrl}/assets/${file}`, { 'accept-encoding': encoding });
        expect(kept.status, encoding).toBe(200);
        expect(kept.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        const body = encoding === 'br' ? brotliDecompressSync(kept.body) : encoding === 'gzip' ? gunzipSync(kept.body) : kept.body;
        expect(body.toString(), encoding).toBe(CHUNKS[file]);
      }
    } finally {
      writeFileSync(join(webRoot, 'assets', file), CHUNKS[file]!);
    }
  });
});
