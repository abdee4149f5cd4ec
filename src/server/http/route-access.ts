import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync, FastifyPluginCallback, FastifyPluginOptions, RouteOptions } from 'fastify';
import { HttpProblem } from './problems';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * 'public': answers without the admin token. 'metrics': the admin token, or METRICS_TOKEN alone when
     * that is set (a scraper needs no admin rights). Routes of the API are guarded unless they say so.
     */
    access?: 'public' | 'metrics';
  }
}

export type RouteAccess = 'public' | 'admin' | 'metrics';

/** One registered route, as the router will match it. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

const isApiPattern = (url: string) => url === '/api' || url.startsWith('/api/');

/**
 * The decision for one route, from what it was registered with: never from the request's URL, which
 * has many spellings (`/%61pi/bots`, `http://host/api/bots`) for the one route the router matches.
 * Routes outside /api are the web app's files and pages, which hold no data.
 */
export function accessOf(url: string, config: { access?: 'public' | 'metrics' } | undefined): RouteAccess {
  if (config?.access === 'public' || !isApiPattern(url)) return 'public';
  return config?.access === 'metrics' ? 'metrics' : 'admin';
}

const tables = new WeakMap<FastifyInstance, RouteOptions[]>();

/** Every route of the app with its access, read once the app is ready (tests walk it). */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  return (tables.get(app) ?? []).flatMap((route) =>
    (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
      method,
      url: route.url,
      access: accessOf(route.url, route.config),
    })),
  );
}

/**
 * Registers a plugin that takes no route config (Swagger UI) with every one of its routes public.
 * Its own scope, so the marking stops where the plugin does.
 */
export async function registerPublicPlugin<Options extends FastifyPluginOptions>(
  app: FastifyInstance,
  plugin: FastifyPluginAsync<Options> | FastifyPluginCallback<Options>,
  options: Options,
): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public' };
    });
    await scope.register(plugin, options);
  });
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison takes the same time whatever was sent.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** RFC 9110 §11.1: the scheme name is case-insensitive; RFC 6750 allows one or more spaces after it. */
const BEARER = /^bearer +(\S+) *$/i;

/**
 * Must run before any route is added. With ADMIN_TOKEN set, every route the router matched that is
 * not public needs `Authorization: Bearer <token>`; the check runs on the matched route's config.
 * With METRICS_TOKEN set, the metrics route takes that token and no other.
 * A request no route matched goes to the not-found handler, which answers no data.
 */
export function registerRouteAccess(app: FastifyInstance, adminToken: string | null, metricsToken: string | null = null): void {
  const routes: RouteOptions[] = [];
  tables.set(app, routes);
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  if (!adminToken && !metricsToken) return;
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const access = accessOf(request.routeOptions.url ?? '', request.routeOptions.config);
    if (access === 'public') return;
    const byMetricsToken = access === 'metrics' && metricsToken !== null;
    const expected = byMetricsToken ? metricsToken : adminToken;
    if (!expected) return;
    const header = request.headers.authorization ?? '';
    const token = BEARER.exec(header)?.[1] ?? '';
    if (!sameSecret(token, expected)) {
      throw new HttpProblem(
        401,
        'Unauthorized',
        header
          ? 'The bearer token is not the one this server expects.'
          : `Send Authorization: Bearer <${byMetricsToken ? 'METRICS_TOKEN' : 'ADMIN_TOKEN'}>.`,
      );
    }
  });
}
