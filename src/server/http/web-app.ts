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

/**
 * The path as a resolver would read it: decoded, `//` folded, dot segments applied, lower case. Only
 * for deciding what a stray URL is; a path that does not decode is no page.
 */
function looseNormalPath(url: string): string | null {
  try {
    const pathname = new URL(url, 'http://host').pathname;
    const segments: string[] = [];
    for (const segment of decodeURIComponent(pathname).toLowerCase().split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') segments.pop();
      else segments.push(segment);
    }
    return `/${segments.join('/')}`;
  } catch {
    return null;
  }
}

/**
 * Client-side routes (/bots/…) are answered with index.html so reload and deep links work. A missing
 * built file is not one: a chunk of an older build must fail as a 404, not load the page as a script.
 * Nor is any spelling of an API path (`/API/bots`, `//api/bots`, `/x/../api/bots`): it gets the API's 404.
 */
export function isSpaNavigation(method: string, url: string): boolean {
  if (method !== 'GET') return false;
  const path = looseNormalPath(url);
  return path !== null && path !== '/api' && !path.startsWith('/api/') && !path.startsWith('/assets/');
}
