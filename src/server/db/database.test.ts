import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, hasPostgres, type TestDatabase } from '../testing/api-harness';
import { connectDatabase, openDatabase, type DatabaseHandle } from './database';
import { isDatabaseUnavailable } from './errors';
import { PREPARED_STATEMENT_LIMIT } from './pglite-statements';

// PostgreSQL only: PGlite runs in this process and has no server that could end a connection.
describe.skipIf(!hasPostgres)('the postgres connection pool', () => {
  const kind = 'postgres';
  let database: TestDatabase;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    handle = await openDatabase(database.target);
  });
  afterAll(async () => {
    await handle.close();
    await database.destroy();
  });

  it('survives the server ending its idle connections, and the next query opens a new one', async () => {
    await handle.db.execute(sql`select 1`);
    const name = new URL(database.target.kind === 'postgres' ? database.target.url : '').pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      const ended = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      expect(ended.rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // Give the pool the moment in which an unhandled 'error' would have crashed the process.
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Database spans both drivers, so execute() is untyped; node-postgres answers with `rows`.
    const again = (await handle.db.execute(sql`select 2 as two`)) as unknown as { rows: { two: number }[] };
    expect(again.rows[0]).toEqual({ two: 2 });
  });

  it('survives the server ending a connection a transaction has checked out: the transaction fails as unavailable', async () => {
    const name = new URL(database.target.kind === 'postgres' ? database.target.url : '').pathname.slice(1);
    const failed = handle.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
      } finally {
        await admin.end();
      }
      // The 'error' event reaches the checked-out client now: unheard, it would end the process.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await tx.execute(sql`select 1`);
    });
    await expect(failed).rejects.toSatisfy(isDatabaseUnavailable);
    const again = (await handle.db.execute(sql`select 3 as three`)) as unknown as { rows: { three: number }[] };
    expect(again.rows[0]).toEqual({ three: 3 });
  });

  it('opens at most DATABASE_POOL_SIZE connections; more queries wait for one', async () => {
    if (database.target.kind !== 'postgres') throw new Error('PostgreSQL only');
    const small = await connectDatabase({ ...database.target, poolSize: 2 });
    try {
      // drizzle's queries are lazy: each runs once something awaits it.
      const sleeping = Array.from({ length: 5 }, async () => small.db.execute(sql`select pg_sleep(0.3)`));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(small.poolStats()).toMatchObject({ max: 2, total: 2 });
      expect(small.poolStats()!.waiting).toBeGreaterThan(0);
      await Promise.all(sleeping);
    } finally {
      await small.close();
    }
  });

  it(`prepares statements with parameters once per connection, at most ${PREPARED_STATEMENT_LIMIT} texts of them`, async () => {
    type Rows<T> = { rows: T[] };
    const texts = Array.from({ length: PREPARED_STATEMENT_LIMIT + 20 }, (_, index) => `select 1 + ${index} as n where 1 = $1`);
    // One transaction holds one connection, and a session sees only its own prepared statements.
    const prepared = await handle.db.transaction(async (tx) => {
      for (const [index, text] of texts.entries()) {
        for (let run = 0; run < 2; run += 1) {
          const sum = (await tx.execute(sql.raw(text.replace('$1', '')).append(sql`${1}`))) as unknown as Rows<{ n: number }>;
          expect(sum.rows).toEqual([{ n: index + 1 }]);
        }
      }
      const statements = await tx.execute(sql`select statement from pg_prepared_statements`);
      return (statements as unknown as Rows<{ statement: string }>).rows.map((row) => row.statement);
    });
    expect(prepared).toContain(texts[0]);
    expect(prepared).not.toContain(texts.at(-1));
    expect(prepared.length).toBeLessThanOrEqual(PREPARED_STATEMENT_LIMIT);
  });
});
