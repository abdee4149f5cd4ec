import pg from 'pg';
import type { DatabaseTarget } from '../src/server/db/database';
import { createTestDatabase } from '../src/server/testing/api-harness';

export type BenchDatabaseKind = 'pglite' | 'postgres';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  kind: BenchDatabaseKind;
  label: string;
  target: DatabaseTarget;
  destroy(): Promise<void>;
}

/** Whether PostgreSQL answers within two seconds at the URL the tests use. */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A database of its own, as the API tests make: a temp data dir, or a new PostgreSQL database dropped afterwards. */
export async function createBenchDatabase(kind: BenchDatabaseKind): Promise<BenchDatabase> {
  const created = await createTestDatabase(kind);
  return { kind, label: kind === 'pglite' ? 'embedded' : 'PostgreSQL', target: created.target, destroy: created.destroy };
}
