import { STATUS_CODES } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, count, eq, gt, min, sql } from 'drizzle-orm';
import { fromNodeHeaders } from 'better-auth/node';
import { meSchema, signInInputSchema, type AuthMode } from '../../domain/people';
import { LOCAL_ACTOR, type Actor } from '../db/actor-context';
import { recordAudit } from '../db/audit';
import type { Database } from '../db/database';
import { auditEvents } from '../db/schema';
import { HttpProblem, RetryLaterProblem } from '../http/problems';
import type { Identify } from '../http/route-access';
import type { ActorCache } from './actors';
import { CLIENT_IP_HEADER, OIDC_PROVIDER_ID, SIGN_IN_LIMIT, type Auth } from './better-auth';
import { z } from 'zod';

/**
 * The library's routes this API offers; the rest (its admin and key endpoints) stay closed, so that people
 * and keys change only through /api/people and /api/me/api-keys, which write the audit trail.
 */
const OPEN_AUTH_PATHS = new Set(['sign-in/email', 'sign-out', 'change-password', 'reset-password', 'ok']);
/** AUTH=oidc adds the provider's callback (the start is /api/auth/oidc/start, below). */
const OIDC_AUTH_PATHS = new Set([`callback/${OIDC_PROVIDER_ID}`]);

/** Where a failed sign-in through the provider lands: the web app shows `signInError` on its sign-in screen. */
const OIDC_ERROR_PATH = '/?signInError=oidc';

/** A path of this server to return to (never `//other.host` or a full address): else the app's home. */
const ownPath = (returnTo: string | undefined) => (returnTo && /^\/(?![/\\])/.test(returnTo) ? returnTo : '/');

/**
 * The library's refusals of a request that does not come from a page it trusts (an Origin not of this server
 * nor CORS_ORIGIN, a cross-site form). They say nothing about the password: they are not failed sign-ins
 * and are answered for what they are.
 */
const ORIGIN_REFUSALS = new Set(['MISSING_OR_NULL_ORIGIN', 'INVALID_ORIGIN', 'CROSS_SITE_NAVIGATION_LOGIN_BLOCKED']);

/** Headers of the library's answer that Fastify sets itself. */
const SKIPPED_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'set-cookie', 'x-retry-after']);

/** Failed sign-ins kept for one account: at most this many per window, whatever address they come from. */
const failedSignInActor = (email: string): Actor => ({
  id: `email:${email.toLowerCase()}`,
  name: email.toLowerCase(),
  kind: 'person',
  role: 'viewer',
  via: 'none',
});

/** Session tokens never leave the cookie: a body that carries one loses it. */
function withoutTokens(body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  const { token: _token, session, ...rest } = body as Record<string, unknown>;
  if (session && typeof session === 'object') {
    const { token: _sessionToken, ...keptSession } = session as Record<string, unknown>;
    return { ...rest, session: keptSession };
  }
  return rest;
}

export const authRoutes: FastifyPluginAsyncZod<{
  auth: Auth | null;
  db: Database;
  mode: AuthMode;
  identify: Identify;
  cache: ActorCache | null;
  signInLimit?: { window: number; max: number };
  /** AUTH=oidc: the provider's name, for the sign-in button. */
  oidcName?: string | null;
}> = async (app, { auth, db, mode, identify, cache, signInLimit = SIGN_IN_LIMIT, oidcName = null }) => {
  app.get(
    '/api/me',
    { schema: { tags: ['people'], summary: 'Who is signed in, with which role', response: { 200: meSchema } } },
    async (request) => {
      const actor = request.actor ?? LOCAL_ACTOR;
      return { id: actor.personId ?? actor.id, email: actor.email ?? '', name: actor.name, role: actor.role, authMode: mode };
    },
  );

  if (!auth) return;

  async function refusePastAccountLimit(email: string): Promise<void> {
    const actor = failedSignInActor(email);
    const since = sql`now() - make_interval(secs => ${signInLimit.window})`;
    const [row] = await db
      .select({ failures: count(), oldest: min(auditEvents.at) })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, actor.id), eq(auditEvents.action, 'sign-in-failed'), gt(auditEvents.at, since)));
    if (row && row.failures >= signInLimit.max && row.oldest) {
      const retryAfter = Math.max(1, Math.ceil((new Date(row.oldest).getTime() + signInLimit.window * 1000 - Date.now()) / 1000));
      throw new RetryLaterProblem(retryAfter, 'Too many failed sign-ins for this account: wait, then try again.', 429);
    }
  }

  /** The library's answer to one of its routes, asked as the client asked us (its cookies, its address). */
  function askLibrary(
    request: FastifyRequest,
    url: string,
    method: 'GET' | 'POST',
    body: unknown,
    extraHeaders: Record<string, string> = {},
  ) {
    const headers = fromNodeHeaders(request.headers);
    // The client's address as Fastify found it (trustProxy): the library's limiter counts per address.
    headers.set(CLIENT_IP_HEADER, request.ip);
    headers.delete('content-length');
    // The library wants an Origin on every request with Fetch Metadata (Node's fetch sends Sec-Fetch-Mode too);
    // the rule of the rest of the API holds here: without Origin, only a cross-site or same-site request is refused.
    const site = request.headers['sec-fetch-site'];
    if (!headers.has('origin') && site !== 'cross-site' && site !== 'same-site') {
      headers.set('origin', `${request.protocol}://${request.host}`);
    }
    for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
    const target = new URL(url, `${request.protocol}://${request.host}`);
    return auth!.handler(new Request(target, { method, headers, body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined }));
  }

  if (oidcName) {
    app.get(
      '/api/auth/oidc/start',
      {
        config: { access: 'public' },
        schema: {
          tags: ['people'],
          summary: `Sign in through the organisation's OpenID provider: redirects there, then back to returnTo`,
          querystring: z.object({ returnTo: z.string().max(2000).optional() }),
        },
      },
      async (request, reply) => {
        const origin = `${request.protocol}://${request.host}`;
        // Asked by this server for the browser: the library's origin check sees the server's own page.
        const answer = await askLibrary(
          request,
          '/api/auth/sign-in/social',
          'POST',
          {
            provider: OIDC_PROVIDER_ID,
            callbackURL: ownPath(request.query.returnTo),
            errorCallbackURL: OIDC_ERROR_PATH,
            disableRedirect: true,
          },
          { origin, 'content-type': 'application/json' },
        );
        const json = (await answer.json().catch(() => null)) as { url?: string; message?: string } | null;
        if (!answer.ok || !json?.url) {
          throw new HttpProblem(502, 'Bad Gateway', `The identity provider cannot be reached now: ${json?.message ?? answer.status}.`);
        }
        // The state and PKCE verifier cookies that the callback checks.
        for (const cookie of answer.headers.getSetCookie()) reply.header('set-cookie', cookie);
        return reply.redirect(json.url, 302);
      },
    );
  }

  /** The person a session cookie just set belongs to: the sign-in through the provider is audited with it. */
  async function personOfNewSession(setCookies: string[]) {
    const cookie = setCookies.map((value) => value.split(';')[0]).join('; ');
    if (!cookie.includes('session_token=')) return null;
    const session = await auth!.api.getSession({ headers: new Headers({ cookie }), query: { disableCookieCache: true } }).catch(() => null);
    return session?.user ?? null;
  }

  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: { access: 'public' },
    schema: { hide: true },
    async handler(request, reply) {
      const path = (request.params as { '*': string })['*'];
      if (!OPEN_AUTH_PATHS.has(path) && !(oidcName && OIDC_AUTH_PATHS.has(path))) {
        throw new HttpProblem(404, 'Not Found', `No route ${request.method} /api/auth/${path}.`);
      }
      const signIn = path === 'sign-in/email' && request.method === 'POST';
      let email: string | null = null;
      if (signIn) {
        const input = signInInputSchema.safeParse(request.body);
        if (!input.success) throw new HttpProblem(400, 'Validation failed', 'Send { email, password }.');
        email = input.data.email;
        await refusePastAccountLimit(email);
      }
      const signingOut = path === 'sign-out' ? await identify(request).catch(() => null) : null;

      const answer = await askLibrary(request, request.url, request.method === 'POST' ? 'POST' : 'GET', request.body);
      const text = await answer.text();
      const json = text && (answer.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as unknown) : null;

      const code = (json as { code?: unknown } | null)?.code;
      if (answer.status === 403 && typeof code === 'string' && ORIGIN_REFUSALS.has(code)) {
        throw new HttpProblem(
          403,
          'Forbidden',
          `A sign-in must come from a page of this server or of CORS_ORIGIN, not ${request.headers.origin ?? 'another site'}.`,
        );
      }
      if (answer.status === 429) {
        const retryAfter = Number(answer.headers.get('x-retry-after')) || 60;
        throw new RetryLaterProblem(retryAfter, 'Too many sign-in attempts from this address: wait, then try again.', 429);
      }
      if (signIn && email) {
        if (answer.status === 200) {
          const user = (json as { user?: { id: string; name: string } } | null)?.user;
          if (user) {
            await recordAudit(
              db,
              { action: 'sign-in', summary: `Signed in with email ${email.toLowerCase()}` },
              {
                ...failedSignInActor(email),
                id: user.id,
                name: user.name,
              },
            );
          }
        } else if (answer.status === 401 || answer.status === 403) {
          await recordAudit(
            db,
            { action: 'sign-in-failed', summary: `Failed sign-in for ${email.toLowerCase()}` },
            failedSignInActor(email),
          );
        }
      }
      if (OIDC_AUTH_PATHS.has(path)) {
        const person = await personOfNewSession(answer.headers.getSetCookie());
        if (person) {
          const actor: Actor = { id: person.id, name: person.name, kind: 'person', role: 'viewer', via: 'session' };
          await recordAudit(db, { action: 'sign-in', summary: `Signed in through ${oidcName} as ${person.email}` }, actor);
        }
      }
      if (path === 'sign-out' && answer.status < 400) {
        cache?.clear();
        if (signingOut) await recordAudit(db, { action: 'sign-out', summary: 'Signed out' }, signingOut);
      }
      if (answer.status >= 400) {
        const message = (json as { message?: string } | null)?.message;
        // A deactivated person is told no more than a wrong password says.
        if (signIn && (answer.status === 401 || answer.status === 403)) {
          throw new HttpProblem(401, 'Unauthorized', 'The email or the password is not right.');
        }
        throw new HttpProblem(answer.status, STATUS_CODES[answer.status] ?? 'Error', message ?? 'Refused.');
      }
      for (const cookie of answer.headers.getSetCookie()) reply.header('set-cookie', cookie);
      answer.headers.forEach((value, name) => {
        if (!SKIPPED_HEADERS.has(name)) reply.header(name, value);
      });
      reply.status(answer.status);
      return json !== null ? withoutTokens(json) : text;
    },
  });
};
