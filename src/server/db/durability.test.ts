import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/api-harness';
import { openDatabase, type DatabaseHandle } from './database';

// Counts the fsync calls that reach the operating system from the server's own code (PGlite's file system is wired there).
const syncs = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fsyncSync: typeof fs.fsyncSync = (fd) => {
    syncs.count++;
    fs.fsyncSync(fd);
  };
  return { ...fs, fsyncSync, default: { ...fs, fsyncSync } };
});

type Rows<T> = { rows: T[] };

// The embedded database only: PostgreSQL's durability is its server's configuration.
describe('the embedded database on a data dir', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    handle = await openDatabase(database.target);
  });
  afterAll(async () => {
    await handle?.close();
    await database?.destroy();
  });

  it('runs with fsync on and flushes the write-ahead log to disk at every commit', async () => {
    const setting = (await handle.db.execute(
      sql`select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sc`,
    )) as unknown as Rows<{ fsync: string; sc: string }>;
    expect(setting.rows[0]).toEqual({ fsync: 'on', sc: 'on' });
    await handle.db.execute(sql`create table durability_probe (n int)`);
    const before = syncs.count;
    const COMMITS = 5;
    for (let n = 0; n < COMMITS; n++) await handle.db.execute(sql`insert into durability_probe values (${n})`);
    expect(syncs.count - before).toBeGreaterThanOrEqual(COMMITS);
  });
});
