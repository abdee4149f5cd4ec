import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDrizzleParsers } from './pglite-client';
import { PREPARED_STATEMENT_LIMIT } from './pglite-statements';

const PREPARED = 'select count(*)::int as n from pg_prepared_statements';

describe('statements with parameters on the PGlite client drizzle is given', () => {
  let bare: PGlite;
  let client: PGlite;

  beforeAll(async () => {
    bare = new PGlite();
    client = withDrizzleParsers(bare);
    await bare.exec(`create table items (id int primary key, name text unique not null, data jsonb, tags text[], at timestamptz)`);
  });
  afterAll(() => bare.close());

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('are parsed once, then only bound and run', async () => {
    const text = 'select name from items where id = $1';
    await bare.query('insert into items (id, name) values (1, $1)', ['one']);
    const before = (await bare.query<{ n: number }>(PREPARED)).rows[0]!.n;
    for (let run = 0; run < 3; run += 1) expect((await client.query(text, [1])).rows).toEqual([{ name: 'one' }]);
    expect((await bare.query<{ n: number }>(PREPARED)).rows[0]!.n).toBe(before + 1);
    const [statement] = (
      await bare.query<{ statement: string }>('select statement from pg_prepared_statements where statement = $1', [text])
    ).rows;
    expect(statement?.statement).toBe(text);
  });

  it('answer what PGlite itself answers, every parameter type and row mode, in and out of transactions', async () => {
    const insert = 'insert into items (id, name, data, tags, at) values ($1, $2, $3, $4, $5) returning *';
    const values = [2, 'two', { nested: [1, 'x', null], s: 'é' }, ['a', 'b,c'], new Date('2026-11-30T12:00:00.250Z')];
    const ours = await client.query(insert, values);
    await bare.query('delete from items where id = 2');
    const theirs = await bare.query(insert, values);
    expect(ours.rows).toEqual(theirs.rows);
    expect(ours.fields).toEqual(theirs.fields);
    const read = 'select * from items where id = $1 and name = $2 and tags = $3';
    expect((await client.query(read, [2, 'two', ['a', 'b,c']], { rowMode: 'array' })).rows).toEqual(
      (await bare.query(read, [2, 'two', ['a', 'b,c']], { rowMode: 'array' })).rows,
    );
    expect((await client.query('select $1::text is null as empty', [null])).rows).toEqual([{ empty: true }]);
    const inTransaction = await client.transaction((tx) => tx.query(read, [2, 'two', ['a', 'b,c']]));
    expect(inTransaction.rows).toEqual(theirs.rows);
  });

  it('fail as PGlite fails, and the statement still runs after a transaction it failed in', async () => {
    const insert = 'insert into items (id, name) values ($1, $2)';
    const failure = await client.query(insert, [3, 'one']).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: '23505', constraint: 'items_name_key', query: insert, params: [3, 'one'] });
    await expect(
      client.transaction(async (tx) => {
        await tx.query(insert, [3, 'three']);
        await tx.query(insert, [4, 'one']);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    await client.query(insert, [3, 'three']);
    expect((await client.query('select name from items where id = $1', [3])).rows).toEqual([{ name: 'three' }]);
  });

  it('outside a transaction wait for it to end instead of running inside it', async () => {
    const count = 'select count(*)::int as n from items where name = $1';
    const transaction = client.transaction(async (tx) => {
      await tx.query('insert into items (id, name) values ($1, $2)', [5, 'rolled back']);
      await sleep(50);
      throw new Error('roll back');
    });
    await sleep(10);
    const outside = client.query<{ n: number }>(count, ['rolled back']);
    await expect(transaction).rejects.toThrow('roll back');
    expect((await outside).rows).toEqual([{ n: 0 }]);
  });

  it(`keep at most ${PREPARED_STATEMENT_LIMIT} statements parsed`, async () => {
    for (let index = 0; index < PREPARED_STATEMENT_LIMIT + 20; index += 1) {
      expect((await client.query<{ n: number }>(`select $1::int + ${index} as n`, [1])).rows).toEqual([{ n: index + 1 }]);
    }
    expect((await bare.query<{ n: number }>(PREPARED)).rows[0]!.n).toBe(PREPARED_STATEMENT_LIMIT);
    // The one used least recently was closed and comes back parsed again.
    expect((await client.query<{ n: number }>('select $1::int + 0 as n', [1])).rows).toEqual([{ n: 1 }]);
  });
});
