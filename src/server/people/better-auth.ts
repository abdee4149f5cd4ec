import { createHmac } from 'node:crypto';
import { apiKey } from '@better-auth/api-key';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { admin } from 'better-auth/plugins/admin';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { adminAc, userAc } from 'better-auth/plugins/admin/access';
import { MIN_PASSWORD_LENGTH, ROLES, roleRank, type Role } from '../../domain/people';
import type { OidcSettings } from '../config';
import type { Database } from '../db/database';
import { apiKeys, authAccounts, authRateLimits, authSessions, authVerifications, people } from '../db/schema';

/** The header the server puts the client's address in (from Fastify's `request.ip`), replacing any sent. */
export const CLIENT_IP_HEADER = 'x-panel-client-ip';

/** A session lasts 7 days of disuse; it is extended at most once a day, when used. */
const SESSION_SECONDS = 7 * 24 * 3600;

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
  /** AUTH=oidc: the organisation's OpenID provider (better-auth's generic OAuth, provider id `oidc`). */
  oidc?: OidcSettings | null;
}

/** The provider id of AUTH=oidc: its callback is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = 'oidc';

/**
 * The role a claim names: a role's name, or a list of names (groups) of which the highest counts; case is
 * ignored. Null when it names none of ours.
 */
function roleFromClaim(claim: unknown): Role | null {
  const names = (Array.isArray(claim) ? claim : [claim]).filter((name): name is string => typeof name === 'string');
  const roles = names.map((name) => name.trim().toLowerCase()).filter((name): name is Role => (ROLES as readonly string[]).includes(name));
  return roles.length === 0 ? null : roles.reduce((a, b) => (roleRank(a) >= roleRank(b) ? a : b));
}

function authSecret(secretsKey: Buffer): string {
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
    // A first sign-in through the provider names its role in `claimedRole` (the library keeps `role` out of
    // what a provider's profile may set); only the provider's callback may turn it into the person's role.
    user: { additionalFields: { claimedRole: { type: 'string', required: false, input: true, returned: false } } },
    databaseHooks: {
      user: {
        create: {
          async before(user, context) {
            const { claimedRole } = user as typeof user & { claimedRole?: string | null };
            if (!claimedRole) return { data: user };
            if (!context?.path?.startsWith('/callback/')) return { data: { ...user, claimedRole: null } };
            return { data: { ...user, role: claimedRole } };
          },
        },
      },
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
      customRules: {
        '/sign-in/email': options.signInLimit ?? SIGN_IN_LIMIT,
        // Starting a sign-in through the provider guesses nothing: the library's 3 in 10 s is for passwords.
        '/sign-in/social': { window: 60, max: 60 },
      },
    },
    advanced: {
      // The library turns its origin and CSRF checks off under NODE_ENV=test: the API tests meet them as production does.
      disableOriginCheck: false,
      disableCSRFCheck: false,
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
      ...(options.oidc ? [openIdProvider(options.oidc)] : []),
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

/**
 * Sign-in through the organisation's provider (discovery, PKCE, the ID token checked against its keys).
 * A first sign-in creates the person with the role the claim names, else OIDC_DEFAULT_ROLE; later sign-ins
 * find them by the provider's subject and keep the role an admin gives them in People.
 */
function openIdProvider(oidc: OidcSettings) {
  return genericOAuth({
    config: [
      {
        providerId: OIDC_PROVIDER_ID,
        name: oidc.providerName,
        discoveryUrl: `${oidc.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
        clientId: oidc.clientId,
        clientSecret: oidc.clientSecret,
        scopes: oidc.scopes,
        requireIdTokenVerification: true,
        mapProfileToUser: (profile) => ({
          name: (typeof profile.name === 'string' && profile.name) || profile.email || undefined,
          claimedRole: roleFromClaim(profile[oidc.roleClaim]) ?? oidc.defaultRole,
        }),
      },
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
