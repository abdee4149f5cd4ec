import { createHash, timingSafeEqual } from 'node:crypto';
import type {
  FastifyInstance,
  FastifyPluginAsync,
  FastifyPluginCallback,
  FastifyPluginOptions,
  FastifyRequest,
  RouteOptions,
} from 'fastify';
import { roleAllows } from '../../domain/people';
import { actorRoleOnBot, LOCAL_ACTOR, runAs, type Actor } from '../db/actor-context';
import { isDecidedPerBot, minimumRole } from './route-roles';
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

/** Who a request comes from; null when it proves nothing (answered 401). May throw a 401 of its own. */
export type Identify = (request: FastifyRequest) => Promise<Actor | null>;

interface AccessOptions {
  adminToken: string | null;
  metricsToken?: string | null;
  /**
   * Finds the actor of a request (sessions, API keys: the people feature). Without it, today's rule: with
   * ADMIN_TOKEN every guarded route needs that bearer token, and everyone else is the local builder.
   */
  identify?: Identify;
  /** Origins other than the request's own whose pages may send writes with a session cookie (CORS_ORIGIN). */
  trustedOrigins?: string[];
  /** AUTH=oidc: the 401 also names the provider and where its sign-in starts (the web app's button). */
  signInWith?: { name: string; url: string } | null;
}

/** The admin token as an API key of its own, named as the README and the audit trail show it. */
export const ADMIN_TOKEN_ACTOR: Actor = { id: 'admin-token', name: 'ADMIN_TOKEN', kind: 'api-key', role: 'admin', via: 'key' };

export function bearerTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header ? (BEARER.exec(header)?.[1] ?? '') : null;
}

export function isAdminToken(token: string, adminToken: string | null): boolean {
  return adminToken !== null && sameSecret(token, adminToken);
}

/** AUTH=none: the admin token when it is set, else everyone is the local builder. */
function tokenOnly(adminToken: string | null): Identify {
  return async (request) => {
    if (!adminToken) return LOCAL_ACTOR;
    const token = bearerTokenOf(request);
    if (token === null) return null;
    if (isAdminToken(token, adminToken)) return ADMIN_TOKEN_ACTOR;
    throw new HttpProblem(401, 'Unauthorized', 'The bearer token is not the one this server expects.');
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A write carried by a session cookie must come from a page of this server (or of CORS_ORIGIN): SameSite=Lax
 * already keeps the cookie off cross-site form posts, and this also refuses same-site pages of other origins.
 * Browsers send Origin on every non-GET fetch and form post; a client without one is not a browser page.
 */
function fromOwnPage(request: FastifyRequest, trusted: string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return request.headers['sec-fetch-site'] !== 'cross-site' && request.headers['sec-fetch-site'] !== 'same-site';
  if (trusted.includes(origin)) return true;
  return origin === `${request.protocol}://${request.host}`;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who makes the request, once access is decided (guarded routes only). */
    actor?: Actor;
  }
}

/**
 * Must run before any route is added. On the route the router matched (never the URL as typed): a public
 * route answers anyone; the metrics route takes METRICS_TOKEN alone when that is set; every other API route
 * needs an actor (401 without) whose role is at least the route's (ROUTE_ROLES; 403 naming the role).
 * The actor is then the request's for the rest of it (db/actor-context), so changes name their author.
 * A request no route matched goes to the not-found handler, which answers no data.
 */
export function registerRouteAccess(app: FastifyInstance, options: AccessOptions): void {
  const routes: RouteOptions[] = [];
  tables.set(app, routes);
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  const metricsToken = options.metricsToken ?? null;
  const identify = options.identify ?? tokenOnly(options.adminToken);
  const trusted = options.trustedOrigins ?? [];
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const url = request.routeOptions.url ?? '';
    const access = accessOf(url, request.routeOptions.config);
    if (access === 'public') return;
    if (access === 'metrics' && metricsToken !== null) {
      if (!sameSecret(bearerTokenOf(request) ?? '', metricsToken)) {
        throw new HttpProblem(401, 'Unauthorized', 'Send Authorization: Bearer <METRICS_TOKEN>.');
      }
      return;
    }
    const actor = await identify(request);
    if (!actor) {
      if (!options.identify) throw new HttpProblem(401, 'Unauthorized', 'Send Authorization: Bearer <ADMIN_TOKEN>.');
      // `signIn` tells the web app to ask for email and password rather than a token; `signInWith` offers the provider.
      throw new HttpProblem(401, 'Unauthorized', 'Sign in, or send Authorization: Bearer <API key>.', undefined, {
        signIn: '/api/auth/sign-in/email',
        ...(options.signInWith ? { signInWith: options.signInWith } : {}),
      });
    }
    const needed = minimumRole(request.method, url);
    const botId = isDecidedPerBot(request.method, url) ? (request.params as { botId?: string }).botId : undefined;
    const role = botId === undefined ? actor.role : actorRoleOnBot(actor, botId);
    if (role === null) {
      throw new HttpProblem(403, 'Forbidden', `This needs the ${needed} role on this bot; ${actor.name} has no access to it.`, undefined, {
        requiredRole: needed,
      });
    }
    if (!roleAllows(role, needed)) {
      const where = botId !== undefined && role !== actor.role ? ' on this bot' : '';
      throw new HttpProblem(403, 'Forbidden', `This needs the ${needed} role; ${actor.name} has the ${role} role${where}.`, undefined, {
        requiredRole: needed,
      });
    }
    if (actor.via === 'session' && !SAFE_METHODS.has(request.method) && !fromOwnPage(request, trusted)) {
      throw new HttpProblem(403, 'Forbidden', 'A write with a session cookie must come from a page of this server.');
    }
    request.actor = actor;
  });
  // After the body is read (its stream events run outside the request's async context), so that the
  // handler and everything it awaits see the actor.
  app.addHook('preHandler', (request, _reply, done) => {
    if (request.actor) runAs(request.actor, done);
    else done();
  });
}
