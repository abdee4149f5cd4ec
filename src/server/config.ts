import { resolve } from 'node:path';
import { DEFAULT_POOL_SIZE, type DatabaseTarget } from './db/database';
import { allowedHostNames } from './http/host-check';
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
  };
}
