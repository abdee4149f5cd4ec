import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir } from './data-dir-lock';
import { nameStatements } from './pg-statements';
import { retryingTransactions } from './retry';
import { createPgliteClient, dataDirFailure, withDrizzleParsers } from './pglite-client';
import { schema } from './schema';

export { createPgliteClient } from './pglite-client';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is under it: PGlite and node-postgres share one query API. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** The PostgreSQL pool's use at this moment (pg's own counters), for metrics. */
export interface PoolStats {
  /** DATABASE_POOL_SIZE: connections the pool may open. */
  max: number;
  /** Connections open, busy or idle. */
  total: number;
  idle: number;
  /** Queries and transactions waiting for a connection. */
  waiting: number;
}

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /**
   * Runs `work` while this process holds the start-up lock: on PostgreSQL an advisory lock taken on a
   * connection of its own, so servers starting together on one database migrate and seed one at a time;
   * on PGlite the data directory is already this process's alone. `work` gets a database on that connection.
   */
  withStartupLock<T>(work: (db: Database) => Promise<T>): Promise<T>;
  /** The PostgreSQL pool's counters; null on the embedded database, which has no pool. */
  poolStats(): PoolStats | null;
  /**
   * Hears NOTIFY on each channel of `handlers` from every process on this database. On PostgreSQL a connection of its own,
   * outside the pool, that reconnects by itself after any loss and then calls `onReconnect` (what was sent
   * meanwhile is lost); on the embedded database, in this process.
   */
  listen(handlers: Record<string, (payload: string) => void>, onReconnect: () => void): Listener;
  close(): Promise<void>;
}

/** A LISTEN that stays until closed. */
export interface Listener {
  /** Settles when the first LISTEN is in place (and never rejects: a database that is away is retried). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_POOL_SIZE = 10;

/** The listener's back-off between attempts to reconnect, and how often it checks that its connection still answers. */
const LISTEN_RETRY_MS = { first: 200, max: 5_000 };
const LISTEN_PING_MS = 10_000;

function listenOnPostgres(
  pg: typeof import('pg').default,
  url: string,
  handlers: Record<string, (payload: string) => void>,
  onReconnect: () => void,
): Listener {
  let closed = false;
  let client: InstanceType<typeof pg.Client> | null = null;
  let retryMs = LISTEN_RETRY_MS.first;
  let timer: NodeJS.Timeout | undefined;
  let ping: NodeJS.Timeout | undefined;
  let connectedOnce = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const lost = (which: InstanceType<typeof pg.Client>) => {
    if (client !== which) return;
    client = null;
    clearInterval(ping);
    which.end().catch(() => undefined);
    if (!closed) timer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, LISTEN_RETRY_MS.max);
  };

  async function connect(): Promise<void> {
    if (closed) return;
    // Named so an administrator (and the tests) can tell it from the pool's connections.
    const next = new pg.Client({
      connectionString: url,
      keepAlive: true,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: 'integrations-panel-listen',
    });
    client = next;
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    next.on('notification', (message) => {
      if (message.payload !== undefined) handlers[message.channel]?.(message.payload);
    });
    try {
      await next.connect();
      for (const channel of Object.keys(handlers)) await next.query(`LISTEN "${channel}"`);
    } catch {
      lost(next);
      return;
    }
    if (client !== next || closed) return;
    retryMs = LISTEN_RETRY_MS.first;
    // A network that drops packets ends nothing by itself: a query that does not come back does.
    ping = setInterval(() => {
      const check = setTimeout(() => lost(next), CONNECT_TIMEOUT_MS);
      next.query('select 1').then(
        () => clearTimeout(check),
        () => (clearTimeout(check), lost(next)),
      );
    }, LISTEN_PING_MS);
    ping.unref();
    if (connectedOnce) onReconnect();
    connectedOnce = true;
    markReady();
  }

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(ping);
      const last = client;
      client = null;
      await last?.end().catch(() => undefined);
    },
  };
}

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null }
  | {
      kind: 'postgres';
      url: string;
      /** DATABASE_POOL_SIZE: at most this many connections per server (DEFAULT_POOL_SIZE when absent). */
      poolSize?: number;
    };

/**
 * The key of the advisory lock that start-ups take: any fixed bigint, the same in every version of the app
 * (the bytes of "ip-start"). Another application on the same database would have to pick this very key.
 */
const STARTUP_LOCK_KEY = 0x69702d7374617274n;

/**
 * How long a request waits for a connection: a pool whose server does not answer (a dropped network) must
 * fail the request, which is then answered 503, rather than hold it until the client gives up.
 */
const CONNECT_TIMEOUT_MS = 5_000;

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Errors with which PostgreSQL reports damaged files, as opposed to a faulty migration. */
export function isDamage(error: unknown): boolean {
  return (
    error instanceof Error &&
    /could not (open|read|stat)|invalid page|Aborted\(\)|checksum|missing chunk|unexpected zero page/i.test(error.message)
  );
}

async function connectPostgres(target: Extract<DatabaseTarget, { kind: 'postgres' }>): Promise<DatabaseHandle> {
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const max = target.poolSize ?? DEFAULT_POOL_SIZE;
  const pool = new pg.Pool({ connectionString: target.url, max, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
  // A connection the server ends (a restart, an administrator, a network cut) is an 'error' on its client:
  // on the pool while the client is idle, on the client itself while a request has it checked out. pg has
  // already made that client unusable and the query in flight fails (answered 503); the next query opens a
  // new connection. Unheard, either event is an uncaught exception that takes the whole process down.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  nameStatements(pool);
  const db = retryingTransactions(drizzle(pool, { schema }));
  return {
    db,
    kind: 'postgres',
    async withStartupLock(work) {
      const client = await pool.connect();
      let healthy = true;
      try {
        await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY.toString()]);
        try {
          return await work(drizzle(client, { schema }));
        } finally {
          await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY.toString()]);
        }
      } catch (error) {
        // Whatever happened to this connection, a session lock must not stay with it in the pool.
        healthy = false;
        throw error;
      } finally {
        client.release(!healthy);
      }
    },
    poolStats: () => ({ max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    listen: (handlers, onReconnect) => listenOnPostgres(pg, target.url, handlers, onReconnect),
    close: () => pool.end(),
  };
}

async function connectPglite(dataDir: string | null): Promise<DatabaseHandle> {
  const { drizzle } = await import('drizzle-orm/pglite');
  // Two engines on one data dir each overwrite the other's pages: the second server must not start.
  const lock = dataDir ? await lockDataDir(dataDir) : null;
  const client = createPgliteClient(dataDir);
  try {
    await client.waitReady;
  } catch (error) {
    await lock?.release();
    throw dataDir ? dataDirFailure(dataDir, error) : error;
  }
  const db = retryingTransactions(drizzle(withDrizzleParsers(client), { schema }));
  return {
    db,
    kind: 'pglite',
    withStartupLock: (work) => work(db),
    poolStats: () => null,
    listen(handlers) {
      const unlisten = Promise.all(Object.entries(handlers).map(([channel, onMessage]) => client.listen(channel, onMessage)));
      return {
        ready: unlisten.then(() => undefined),
        close: async () => {
          for (const stop of await unlisten) await stop().catch(() => undefined);
        },
      };
    },
    async close() {
      try {
        await client.close();
      } finally {
        await lock?.release();
      }
    },
  };
}

/**
 * Opens the database without touching its schema. On PostgreSQL nothing connects yet: the pool connects on
 * the first query, so a server can start while the database is down.
 */
export function connectDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  return target.kind === 'postgres' ? connectPostgres(target) : connectPglite(target.dataDir);
}

/** Applies the committed drizzle-kit migrations on `db`: call it inside withStartupLock, with the lock's database. */
export async function applyMigrations(kind: DatabaseHandle['kind'], db: Database): Promise<void> {
  if (kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder });
    return;
  }
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder });
}

/** Applies the migrations, one server at a time: servers starting together on a new database do not race. */
export function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  return handle.withStartupLock((db) => applyMigrations(handle.kind, db));
}

/** Opens the database and applies the migrations before anything else runs (what the tests' servers do). */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  const handle = await connectDatabase(target);
  try {
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw target.kind === 'pglite' && target.dataDir && isDamage(error) ? dataDirFailure(target.dataDir, error) : error;
  }
  return handle;
}
