import { resolve } from 'node:path';
import { DEFAULT_POOL_SIZE, type DatabaseTarget } from './db/database';
import { allowedHostNames } from './http/host-check';
import { AUTH_MODES, roleSchema, type AuthMode, type Role } from '../domain/people';
import { livePersonDirectoriesFrom, type LivePersonDirectories } from './directories/liveperson-settings';

export interface ServerConfig {
  host: string;
  /** Names the Host header may carry (DNS rebinding): loopback, HOST, ALLOWED_HOSTS. */
  allowedHosts: string[];
  port: number;
  database: DatabaseTarget;
  enableTestApi: boolean;
  logLevel: string;
  webRoot: string;
  corsOrigin: string | null;
  adminToken: string | null;
  /** With it, GET /api/metrics takes this bearer token alone (a scraper needs no admin rights). */
  metricsToken: string | null;
  /** The directories read from the LivePerson account, when their hosts are set. */
  livePersonDirectories: LivePersonDirectories;
  /** SECRETS_KEY as given (base64 of 32 bytes); checked and resolved by loadSecretsKey at start. */
  secretsKey: string | null;
  /** AUTH: none (everyone is the local builder), accounts (email and password) or oidc. */
  authMode: AuthMode;
  /** ALLOW_ANONYMOUS=1: serve AUTH=none beyond loopback on purpose. */
  allowAnonymous: boolean;
  /** PUBLIC_URL starts with https: (a TLS proxy in front): session cookies are Secure. */
  secureCookies: boolean;
  oidc: OidcSettings | null;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The ID token claim that names the role (OIDC_ROLE_CLAIM). */
  roleClaim: string;
  /** The role of a first sign-in whose claim names none (OIDC_DEFAULT_ROLE). */
  defaultRole: Role;
  /** The name on the sign-in button. */
  providerName: string;
  /** Scopes asked for (OIDC_SCOPES, space-separated): the role claim may need one of its own. */
  scopes: string[];
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

const isLoopback = (host: string) => LOOPBACK.test(host.trim());

/**
 * Secure by default: an API anyone on the network can call as an admin is refused at start, in one line
 * that says why and what to set. Null when the start may go on.
 */
export function anonymousExposureProblem(config: Pick<ServerConfig, 'host' | 'authMode' | 'allowAnonymous' | 'adminToken'>): string | null {
  if (config.authMode !== 'none' || config.allowAnonymous || config.adminToken || isLoopback(config.host)) return null;
  return `Refusing to serve HOST=${config.host} with AUTH=none: anyone who can reach it would be an admin. Set AUTH=accounts (or AUTH=oidc, or ADMIN_TOKEN), or ALLOW_ANONYMOUS=1 to expose it without sign-in on purpose.`;
}

function readOidc(env: NodeJS.ProcessEnv): OidcSettings {
  const missing = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'].filter((name) => !env[name]?.trim());
  if (missing.length > 0) throw new Error(`AUTH=oidc needs ${missing.join(', ')}.`);
  const defaultRole = roleSchema.safeParse(env.OIDC_DEFAULT_ROLE?.trim() || 'viewer');
  if (!defaultRole.success) throw new Error(`OIDC_DEFAULT_ROLE must be viewer, builder or admin, not "${env.OIDC_DEFAULT_ROLE}".`);
  return {
    issuer: env.OIDC_ISSUER!.trim(),
    clientId: env.OIDC_CLIENT_ID!.trim(),
    clientSecret: env.OIDC_CLIENT_SECRET!.trim(),
    roleClaim: env.OIDC_ROLE_CLAIM?.trim() || 'role',
    defaultRole: defaultRole.data,
    providerName: env.OIDC_PROVIDER_NAME?.trim() || 'your identity provider',
    scopes: (env.OIDC_SCOPES?.trim() || 'openid email profile').split(/\s+/),
  };
}

/** Reads the settings the README documents; every one has a safe default. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  const poolSize = Number(env.DATABASE_POOL_SIZE?.trim() || DEFAULT_POOL_SIZE);
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 1000) {
    throw new Error(`DATABASE_POOL_SIZE must be a whole number of connections from 1 to 1000, not "${env.DATABASE_POOL_SIZE}".`);
  }
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://.');
  }
  // Loopback by default: an admin tool should not be reachable from the network unless asked.
  const host = env.HOST ?? '127.0.0.1';
  const authMode = (env.AUTH?.trim() || 'none') as AuthMode;
  if (!AUTH_MODES.includes(authMode)) throw new Error(`AUTH must be none, accounts or oidc, not "${env.AUTH}".`);
  return {
    host,
    allowedHosts: allowedHostNames(host, (env.ALLOWED_HOSTS ?? '').split(',')),
    port,
    database: databaseUrl ? { kind: 'postgres', url: databaseUrl, poolSize } : { kind: 'pglite', dataDir: resolve(env.DATA_DIR ?? 'data') },
    enableTestApi: env.NODE_ENV === 'test' || env.ENABLE_TEST_API === '1',
    logLevel: env.LOG_LEVEL ?? 'warn',
    webRoot: resolve(env.WEB_ROOT ?? 'dist'),
    corsOrigin: env.CORS_ORIGIN?.trim() || null,
    adminToken: env.ADMIN_TOKEN?.trim() || null,
    metricsToken: env.METRICS_TOKEN?.trim() || null,
    livePersonDirectories: livePersonDirectoriesFrom(env),
    secretsKey: env.SECRETS_KEY?.trim() || null,
    authMode,
    allowAnonymous: env.ALLOW_ANONYMOUS === '1',
    secureCookies: (env.PUBLIC_URL ?? '').trim().toLowerCase().startsWith('https:'),
    oidc: authMode === 'oidc' ? readOidc(env) : null,
  };
}
