import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { registerCompressedAssets } from './compressed-assets';
import { registerScreenEntries } from './screen-entries';

/**
 * Serves the built SPA: hashed assets are cached for a year, index.html never,
 * so a new build is picked up at the next navigation.
 */
export async function registerWebApp(
  app: FastifyInstance,
  webRoot: string,
  { adminToken }: { adminToken: string | null },
): Promise<boolean> {
  if (!existsSync(join(webRoot, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: true,
    // `/` itself is the SPA's entry: without an index, @fastify/static answers a directory with 403.
    index: 'index.html',
    setHeaders(reply, path) {
      reply.header('cache-control', path.includes(`${join(webRoot, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  registerCompressedAssets(app, join(webRoot, 'assets'));
  registerScreenEntries(app, webRoot, { preloadReads: adminToken === null });
  return true;
}

/** Percent-decoding rounds: `%2561` is `%61` once decoded and `a` twice; deeper is refused outright. */
const DECODING_ROUNDS = 4;

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
