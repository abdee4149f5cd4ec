import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir } from './data-dir-lock';
import { nameStatements } from './pg-statements';
import { createPgliteClient, dataDirFailure, withDrizzleParsers } from './pglite-client';
import { schema } from './schema';

export { createPgliteClient } from './pglite-client';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is under it: PGlite and node-postgres share one query API. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** The connection pool's counters at this moment (pg.Pool's totalCount, idleCount, waitingCount). */
export interface PoolUse {
  open: number;
  idle: number;
  /** Queries waiting for a connection: the pool is too small for the load. */
  waiting: number;
}

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** PostgreSQL only: the embedded engine runs in this process, with no pool. */
  poolUse?(): PoolUse;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Errors with which PostgreSQL reports damaged files, as opposed to a faulty migration. */
export function isDamage(error: unknown): boolean {
  return (
    error instanceof Error &&
    /could not (open|read|stat)|invalid page|Aborted\(\)|checksum|missing chunk|unexpected zero page/i.test(error.message)
  );
}

/** Opens the database and applies the committed drizzle-kit migrations before anything else runs. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const [{ default: pg }, { drizzle }, { migrate }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
      import('drizzle-orm/node-postgres/migrator'),
    ]);
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection that the server ends (a restart, an administrator, a dropped test database) is
    // an 'error' on the pool: pg has already dropped that client and the next query opens a new one, so
    // it must not become an uncaught exception that takes the whole process down.
    pool.on('error', () => undefined);
    nameStatements(pool);
    const db = drizzle(pool, { schema });
    await migrate(db, { migrationsFolder });
    return {
      db,
      kind: 'postgres',
      poolUse: () => ({ open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      close: () => pool.end(),
    };
  }

  const [{ drizzle }, { migrate }] = await Promise.all([import('drizzle-orm/pglite'), import('drizzle-orm/pglite/migrator')]);
  // Two engines on one data dir each overwrite the other's pages: the second server must not start.
  const lock = target.dataDir ? lockDataDir(target.dataDir) : null;
  const client = createPgliteClient(target.dataDir);
  try {
    await client.waitReady;
  } catch (error) {
    lock?.release();
    throw target.dataDir ? dataDirFailure(target.dataDir, error) : error;
  }
  const db = drizzle(withDrizzleParsers(client), { schema });
  try {
    await migrate(db, { migrationsFolder });
  } catch (error) {
    await client.close().catch(() => undefined);
    lock?.release();
    throw target.dataDir && isDamage(error) ? dataDirFailure(target.dataDir, error) : error;
  }
  return {
    db,
    kind: 'pglite',
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
