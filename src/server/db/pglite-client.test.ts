import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { date, interval, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLICE_MS } from '../event-loop-slices';
import { turnsDuring } from '../testing/event-loop-turns';
import { withDrizzleParsers } from './pglite-client';

const moments = pgTable('moments', {
  name: text('name').primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }),
  local: timestamp('local', { mode: 'string' }),
  day: date('day'),
  span: interval('span'),
  amounts: numeric('amounts').array(),
  ats: timestamp('ats', { withTimezone: true, mode: 'string' }).array(),
});

const CREATE = sql`create table moments (name text primary key, at timestamptz, local timestamp, day date, span interval, amounts numeric[], ats timestamptz[])`;
const ROW = sql`insert into moments values ('a', '2026-11-30 12:34:56.789123+00', '2026-11-30 01:02:03.5', '2026-11-30', '1 day 02:03:04', '{1.50,2}', '{"2026-11-30 12:00:00+00","2026-12-01 00:00:00.25+00"}')`;

describe('the PGlite client drizzle is given', () => {
  let bare: PGlite;
  let wrapped: PGlite;

  beforeAll(async () => {
    bare = new PGlite();
    wrapped = new PGlite();
    for (const client of [bare, wrapped]) {
      const db = drizzle(client);
      await db.execute(CREATE);
      await db.execute(ROW);
    }
  });
  afterAll(async () => {
    await bare.close();
    await wrapped.close();
  });

  it('reads every type drizzle maps itself as drizzle over a plain client does, in and out of transactions', async () => {
    const plain = drizzle(bare);
    const fast = drizzle(withDrizzleParsers(wrapped));
    const raw = sql`select at, local, day, span, amounts, ats, now() - now() as zero, array[interval '1 hour'] as spans from moments`;
    expect(await fast.select().from(moments)).toEqual(await plain.select().from(moments));
    expect(await fast.execute(raw)).toEqual(await plain.execute(raw));
    const inTransaction = await fast.transaction((tx) => tx.select().from(moments));
    expect(inTransaction).toEqual(await plain.select().from(moments));
    expect(inTransaction[0]?.at).toEqual(new Date('2026-11-30T12:34:56.789Z'));
  });

  it('writes and reads bytea as PGlite does, for every byte value and an empty value', async () => {
    const values = [new Uint8Array(0), Uint8Array.from({ length: 256 }, (_, index) => index), new Uint8Array(randomBytes(100_000))];
    // A view into a larger buffer: only its own bytes are written.
    const pool = randomBytes(64);
    values.push(new Uint8Array(pool.buffer, pool.byteOffset + 8, 16));
    // A client of its own: each wrapping keeps its own prepared statements, which would clash on one client.
    const own = new PGlite();
    await own.waitReady;
    const fast = withDrizzleParsers(own);
    for (const value of values) {
      const read = await fast.query<{ b: Uint8Array; hex: string }>('select $1::bytea as b, encode($1::bytea, $2) as hex', [value, 'hex']);
      const plain = await bare.query<{ b: Uint8Array; hex: string }>('select $1::bytea as b, encode($1::bytea, $2) as hex', [value, 'hex']);
      expect(read.rows[0]!.hex).toBe(plain.rows[0]!.hex);
      expect(Buffer.from(read.rows[0]!.b).equals(Buffer.from(plain.rows[0]!.b))).toBe(true);
      expect(read.rows[0]!.b).toBeInstanceOf(Uint8Array);
    }
    await own.close();
  });

  it('lets the event loop in between the answers of a long run of queries, in and out of a transaction', async () => {
    // PGlite answers on this thread and an awaited answer goes on in the same task: without a pause between
    // answers, a request's queries held health probes and every other request until its last one.
    const db = drizzle(withDrizzleParsers(wrapped));
    type Db = Pick<typeof db, 'execute'>;
    for (const run of [(work: (on: Db) => Promise<void>) => work(db), (work: (on: Db) => Promise<void>) => db.transaction(work)]) {
      const started = performance.now();
      const { turns } = await turnsDuring(() =>
        run(async (on) => {
          while (performance.now() - started < 6 * SLICE_MS) await on.execute(sql`select ${1}::int as n`);
        }),
      );
      expect(turns).toBeGreaterThanOrEqual(3);
    }
  });

  it('leaves a query that brings other parsers to them', async () => {
    const parsed = await withDrizzleParsers(wrapped).query<{ n: unknown }>('select 41 as n', [], {
      parsers: { [23]: (value: string) => Number(value) + 1 },
    });
    expect(parsed.rows).toEqual([{ n: 42 }]);
  });
});
