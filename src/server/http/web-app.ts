import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built SPA: hashed assets are cached for a year, index.html never,
 * so a new build is picked up at the next navigation.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<boolean> {
  if (!existsSync(join(webRoot, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: true,
    index: false,
    setHeaders(reply, path) {
      reply.header(
        'cache-control',
        path.includes(`${join(webRoot, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // With index: false the static handler refuses the root directory (403): the root is the SPA's first page.
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  return true;
}

/** Client-side routes (/bots/…) are answered with index.html so reload and deep links work. */
export function isSpaNavigation(method: string, url: string): boolean {
  return method === 'GET' && !url.startsWith('/api/') && url !== '/api';
}
