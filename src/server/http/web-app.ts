import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { readBuildId } from './build-id';
import { registerCompressedAssets } from './compressed-assets';
import { registerScreenEntries } from './screen-entries';
import type { WebAssetsStore } from './web-assets-store';

/**
 * Serves the built SPA: hashed assets are cached for a year, index.html never,
 * so a new build is picked up at the next navigation. The assets of a named build (BUILD_ID) are
 * published to `assetsStore`, and those of the builds before it are served from there: during a
 * rolling deploy a page of either build may ask either server for its files. With `sharedAssets`
 * (servers on one PostgreSQL) that is done before the server answers, since its pages may send a
 * browser to another server at once; otherwise (one server on the embedded database, where storing a
 * whole new build took 9 s under load) alongside, for the tabs still open at the next deploy.
 */
export async function registerWebApp(
  app: FastifyInstance,
  webRoot: string,
  { adminToken, assetsStore, sharedAssets }: { adminToken: string | null; assetsStore: WebAssetsStore; sharedAssets: boolean },
): Promise<boolean> {
  if (!existsSync(join(webRoot, 'index.html'))) return false;
  const buildId = readBuildId(webRoot);
  if (buildId) {
    const publishing = publishUntilStored(app, () => assetsStore.publish(buildId, join(webRoot, 'assets')));
    if (sharedAssets) await publishing;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: true,
    // `/` itself is the SPA's entry: without an index, @fastify/static answers a directory with 403.
    index: 'index.html',
    setHeaders(reply, path) {
      reply.header('cache-control', path.includes(`${join(webRoot, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  registerCompressedAssets(app, join(webRoot, 'assets'), assetsStore);
  registerScreenEntries(app, webRoot, { preloadReads: adminToken === null });
  return true;
}

/** Percent-decoding rounds: `%2561` is `%61` once decoded and `a` twice; deeper is refused outright. */
const DECODING_ROUNDS = 4;

const PUBLISH_RETRY_MS = 10_000;

/**
 * Stores the build's assets; while the database cannot take them (down at start), tries again every
 * 10 s, since until then the other servers cannot answer this build's pages. The first attempt is
 * returned; closing the app waits for the one under way, so the database is not closed under it.
 */
function publishUntilStored(app: FastifyInstance, publish: () => Promise<unknown>): Promise<void> {
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const attempt = (): Promise<void> =>
    publish().then(
      () => undefined,
      (error: unknown) => {
        // This build's pages still work against this server meanwhile.
        app.log.warn({ err: error }, 'the web assets of this build could not be stored for the other servers and builds');
        if (!closed) retry = setTimeout(() => (pending = attempt()), PUBLISH_RETRY_MS).unref();
      },
    );
  let pending = attempt();
  app.addHook('onClose', async () => {
    closed = true;
    clearTimeout(retry);
    await pending;
  });
  return pending;
}

/**
 * The segments of a path as some resolver might read them, for deciding what a stray URL is: decoded until
 * nothing changes (double encoding), `\` read as `/`, compatibility forms folded (NFKC: `ａｐｉ`) and lower
 * case, each segment without its matrix parameters (`api;x=1`), whitespace, control and format characters
 * (`api%09`) or trailing dots (`api.`), then dot segments applied. null for a path that does not decode, or
 * only after more rounds: no page either.
 */
function looseSegments(url: string): string[] | null {
  try {
    let path = new URL(url, 'http://host').pathname;
    for (let round = 0; ; round++) {
      const decoded = decodeURIComponent(path);
      if (decoded === path) break;
      if (round === DECODING_ROUNDS) return null;
      path = decoded;
    }
    const segments: string[] = [];
    for (const raw of path.normalize('NFKC').toLowerCase().replaceAll('\\', '/').split('/')) {
      const segment = raw
        .replace(/;.*$/s, '')
        .replace(/[\s\p{Cc}\p{Cf}]/gu, '')
        .replace(/(?<=[^.])\.+$/, '');
      if (segment === '' || segment === '.') continue;
      if (segment === '..') segments.pop();
      else segments.push(segment);
    }
    return segments;
  } catch {
    return null;
  }
}

/**
 * Client-side routes (/bots/…) are answered with index.html so reload and deep links work. A missing
 * built file is not one: a chunk of an older build must fail as a 404, not load the page as a script.
 * Nor is any path that is or could be read as an API path (`/API/bots`, `//api/bots`, `/x/../api/bots`,
 * `/api;/bots`, `/%2561pi/bots`, `/api%09/bots`): it gets the API's 404, never a page with status 200.
 */
export function isSpaNavigation(method: string, url: string): boolean {
  if (method !== 'GET') return false;
  const segments = looseSegments(url);
  return segments !== null && segments[0] !== 'api' && segments[0] !== 'assets';
}
