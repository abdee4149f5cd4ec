import { mkdirSync } from 'node:fs';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { schema } from './schema';

export type Schema = typeof schema;
/** The drizzle database, whichever driver is under it: PGlite and node-postgres share one query API. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Postgres's default 128 MB of shared buffers live in PGlite's WebAssembly memory and are all
 * touched over time: 16 MB holds this app's working set and keeps the resident size about 140 MB lower.
 */
const PGLITE_SETTINGS = ['shared_buffers = 16MB'];

/**
 * PGlite is 10 MB of WebAssembly. V8's optimizing tier recompiles its hot functions in the background,
 * which on this 2-core machine doubled the time to open the database and slowed queries while it ran
 * (measured: open 3.7 s -> 2.2 s, 9,000 queries 17 s -> 6 s, 250 MB -> 185 MB resident with Liftoff
 * only). Set before the module is compiled; it applies to the whole process (QuickJS too).
 */
function useBaselineWasmCompiler(): void {
  v8.setFlagsFromString('--liftoff-only');
}

/** The embedded engine as the server runs it (the bench's minimal reference server opens it the same way). */
export function createPgliteClient(dataDir: string | null): PGlite {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  useBaselineWasmCompiler();
  // A null data dir keeps the database in memory (tests that need no restart).
  // On a data dir PGlite writes through Node's fs at each commit (its NodeFS has nothing to sync later), so an
  // acknowledged write survives a killed process: src/server/reliability/crash.test.ts proves it. Never pass
  // relaxedDurability here: with the in-memory file systems it answers before the files are written.
  return new PGlite(dataDir ?? undefined, { postgresqlconf: PGLITE_SETTINGS });
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
    const db = drizzle(pool, { schema });
    await migrate(db, { migrationsFolder });
    return { db, kind: 'postgres', close: () => pool.end() };
  }

  const [{ drizzle }, { migrate }] = await Promise.all([
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const client = createPgliteClient(target.dataDir);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { db, kind: 'pglite', close: () => client.close() };
}
