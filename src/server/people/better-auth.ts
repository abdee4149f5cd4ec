import { createHmac } from 'node:crypto';
import { apiKey } from '@better-auth/api-key';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { admin } from 'better-auth/plugins/admin';
import { adminAc, userAc } from 'better-auth/plugins/admin/access';
import { MIN_PASSWORD_LENGTH } from '../../domain/people';
import type { Database } from '../db/database';
import { apiKeys, authAccounts, authRateLimits, authSessions, authVerifications, people } from '../db/schema';

/** The header the server puts the client's address in (from Fastify's `request.ip`), replacing any sent. */
export const CLIENT_IP_HEADER = 'x-panel-client-ip';

/** A session lasts 7 days of disuse; it is extended at most once a day, when used. */
export const SESSION_SECONDS = 7 * 24 * 3600;

/** Sign-in tries per address per window (better-auth's limiter, kept in the database for every server). */
export const SIGN_IN_LIMIT = { window: 600, max: 10 };

export interface AuthOptions {
  /**
   * Signs cookies: derived from SECRETS_KEY, which every server of a cluster already shares, so a session
   * started on one server is valid on all.
   */
  secretsKey: Buffer;
  /** HTTPS in front of the server: cookies get `Secure` and the `__Secure-` prefix. */
  secureCookies: boolean;
  /** Origins (besides the request's own) whose pages may send credentialed writes: CORS_ORIGIN. */
  trustedOrigins: string[];
  /** For tests: how long a session lasts. */
  sessionSeconds?: number;
  /** For tests: sign-in attempts per address. */
  signInLimit?: { window: number; max: number };
}

export function authSecret(secretsKey: Buffer): string {
  return createHmac('sha256', secretsKey).update('integrations-panel better-auth secret').digest('base64');
}

export function createAuth(db: Database, options: AuthOptions) {
  return betterAuth({
    basePath: '/api/auth',
    secret: authSecret(options.secretsKey),
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: people,
        session: authSessions,
        account: authAccounts,
        verification: authVerifications,
        rateLimit: authRateLimits,
        apikey: apiKeys,
      },
    }),
    // The request's own origin is always trusted (baseURL is read from each request, as servers have many names).
    trustedOrigins: (request) => {
      const own = request ? new URL(request.url).origin : [];
      return [...options.trustedOrigins, ...(typeof own === 'string' ? [own] : own)];
    },
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, disableSignUp: true },
    session: {
      expiresIn: options.sessionSeconds ?? SESSION_SECONDS,
      updateAge: Math.min(24 * 3600, options.sessionSeconds ?? SESSION_SECONDS),
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 600,
      customRules: { '/sign-in/email': options.signInLimit ?? SIGN_IN_LIMIT },
    },
    advanced: {
      useSecureCookies: options.secureCookies,
      cookiePrefix: 'panel',
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true },
    },
    telemetry: { enabled: false },
    logger: { disabled: true },
    plugins: [
      admin({
        defaultRole: 'viewer',
        adminRoles: ['admin'],
        roles: { admin: adminAc, builder: userAc, viewer: userAc },
      }),
      apiKey({
        defaultPrefix: 'ipk_',
        enableMetadata: true,
        // Keys are checked by the panel's access hook, not turned into sessions of the library.
        enableSessionForAPIKeys: false,
        rateLimit: { enabled: false },
        // Expiry is given as a date by the API; any length is allowed.
        keyExpiration: { minExpiresIn: 0, maxExpiresIn: 3650 },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
