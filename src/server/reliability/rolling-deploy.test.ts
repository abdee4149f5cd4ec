import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../testing/api-harness';
import { createWebAssetsStore, KEPT_BUILDS } from '../http/web-assets-store';
import { startChildServer, type ChildServer } from './child-server';

const PORTS = { pglite: [4810, 4811], postgres: [4812, 4813] } as const;

/**
 * A web build as Vite lays it out: index.html naming its entry script and stylesheet, a chunk the
 * entry loads later, a vendor chunk every build shares (same content, same name) and a font.
 */
function fabricateBuild(parent: string, buildId: string): { webRoot: string; index: string; lazy: string } {
  const webRoot = join(parent, buildId);
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  const files: Record<string, string> = {
    [`index-${buildId}.js`]: `import"./vendor-Sh4red00.js";const later=()=>import("./screen-${buildId}.js");console.log("${buildId}");`,
    [`index-${buildId}.css`]: `body{color:#${buildId === 'build-a' ? 'aaa' : 'bbb'}}`.repeat(200),
    [`screen-${buildId}.js`]: `export const screen="${buildId} ${'a screen of code '.repeat(200)}";`,
    'vendor-Sh4red00.js': `export const vendor="${'shared by every build '.repeat(200)}";`,
    [`icons-${buildId}.ttf`]: 'not really a font',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(webRoot, 'assets', name), content);
  const index = `<!doctype html>
<html>
  <head>
    <title>Integrations Panel</title>
    <script type="module" crossorigin src="/assets/index-${buildId}.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-Sh4red00.js">
    <link rel="stylesheet" crossorigin href="/assets/index-${buildId}.css">
    <link rel="preload" as="font" crossorigin href="/assets/icons-${buildId}.ttf">
  </head>
  <body><div id="root"></div></body>
</html>`;
  writeFileSync(join(webRoot, 'index.html'), index);
  writeFileSync(join(webRoot, 'build-id.txt'), buildId);
  return { webRoot, index, lazy: `screen-${buildId}.js` };
}

const assetsNamedBy = (html: string) => [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((match) => match[1]!);

const CONTENT_TYPES: Record<string, RegExp> = {
  js: /^(application|text)\/javascript/,
  css: /^text\/css/,
  ttf: /^font\/ttf/,
};

/** Each asset answered 200 by `server` with the build's bytes, its type and the immutable caching a hashed name allows. */
async function expectServes(server: ChildServer, build: { webRoot: string }, names: string[]) {
  for (const name of names) {
    const response = await fetch(`${server.baseUrl}/assets/${name}`);
    expect([name, response.status]).toEqual([name, 200]);
    expect(response.headers.get('content-type'), name).toMatch(CONTENT_TYPES[name.slice(name.lastIndexOf('.') + 1)]!);
    expect(response.headers.get('cache-control'), name).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(build.webRoot, 'assets', name))), name).toBe(true);
  }
}

describeEachDatabase('a rolling deploy on %s: every server answers the pages of the builds before it', (kind) => {
  let database: TestDatabase;
  let builds: string;
  const servers: ChildServer[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    builds = mkdtempSync(join(tmpdir(), 'rolling-deploy-'));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database.destroy();
    rmSync(builds, { recursive: true, force: true });
  });

  it('serves build A’s assets from a server of build B, and offers the old tab a reload', async () => {
    const a = fabricateBuild(builds, 'build-a');
    const b = fabricateBuild(builds, 'build-b');
    const [portA, portB] = PORTS[kind];
    const serverA = await startChildServer(database.target, portA, { WEB_ROOT: a.webRoot });
    servers.push(serverA);
    if (kind === 'pglite') {
      // One server per data directory: the deploy replaces it with the next build's server.
      await serverA.stop();
      servers.pop();
    }
    const serverB = await startChildServer(database.target, portB, { WEB_ROOT: b.webRoot });
    servers.push(serverB);

    // A tab of build A, its page loaded before the deploy, now sent to B for everything it loads.
    const oldPageAssets = [...assetsNamedBy(a.index), a.lazy];
    expect(oldPageAssets).toHaveLength(5);
    await expectServes(serverB, a, oldPageAssets);
    // B's own build answers as before, and a name no build has is still 404.
    await expectServes(serverB, b, [...assetsNamedBy(b.index), b.lazy]);
    expect((await fetch(`${serverB.baseUrl}/assets/index-build-z.js`)).status).toBe(404);
    // What tells the old tab to offer "Reload to update": the build the server runs is not its own.
    expect((await (await fetch(`${serverB.baseUrl}/api/health`)).json()).build).toBe('build-b');

    if (kind === 'postgres') {
      // And the other way round: a page of the new build sent to a server still on A.
      await expectServes(serverA, b, [...assetsNamedBy(b.index), b.lazy]);
      expect((await (await fetch(`${serverA.baseUrl}/api/health`)).json()).build).toBe('build-a');
    }
  });
});

describeEachDatabase('the kept web assets on %s', (kind) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let builds: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    handle = await openDatabase(database.target);
    builds = mkdtempSync(join(tmpdir(), 'kept-builds-'));
  });
  afterAll(async () => {
    await handle.close();
    await database.destroy();
    rmSync(builds, { recursive: true, force: true });
  });

  it(`keeps the last ${KEPT_BUILDS} builds' files, a file shared with a kept build too, and stores each file once`, async () => {
    const store = createWebAssetsStore(handle.db);
    const ids = Array.from({ length: KEPT_BUILDS + 1 }, (_, index) => `build-${index}`);
    for (const id of ids) {
      const { webRoot } = fabricateBuild(builds, id);
      expect((await store.publish(id, join(webRoot, 'assets'))).stored).toBe(id === ids[0] ? 5 : 4);
    }
    // A restart of a build stores nothing again.
    expect((await store.publish(ids.at(-1)!, join(builds, ids.at(-1)!, 'assets'))).stored).toBe(0);
    expect(await store.get(`index-${ids[0]}.js`)).toBeNull();
    for (const id of ids.slice(1))
      expect(await store.get(`index-${id}.js`), id).toMatchObject({ contentType: expect.stringMatching(/javascript/) });
    expect((await store.get('vendor-Sh4red00.js'))?.content.toString()).toContain('shared by every build');
    expect(await store.get('../build-id.txt')).toBeNull();
  });
});
