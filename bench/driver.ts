// The other limit: the queries the API makes for each request, sent straight through the database
// driver (PGlite or node-postgres) with the same concurrency, no HTTP and no ORM.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createPgliteClient, type DatabaseTarget } from '../src/server/db/database';
import { lockDataDir } from '../src/server/db/data-dir-lock';
import { escalation, type SeededBot } from './seed';
import { CONNECTIONS, putTargets, type LoadResult, type Operation } from './load';
import { percentile } from './stats';
import { BOT_EXISTS, GET_ONE, LIST, REVISION, UPDATE } from './driver-queries';

type Query = (text: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

interface Driver {
  query: Query;
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function openDriver(target: DatabaseTarget): Promise<Driver> {
  if (target.kind === 'postgres') {
    // The app's pool size, so both sides have the same number of sessions.
    const pool = new pg.Pool({ connectionString: target.url, max: CONNECTIONS });
    return {
      query: async (text, params) => (await pool.query(text, params)).rows,
      async transaction(work) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const result = await work(async (text, params) => (await client.query(text, params)).rows);
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback');
          throw error;
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  if (!target.dataDir) throw new Error('the driver reference needs the data dir the server used');
  // The engine as the server runs it (durable commits, the same settings, the same lock), so both sides do the same work.
  const lock = await lockDataDir(target.dataDir);
  const client: PGlite = createPgliteClient(target.dataDir);
  const query =
    (db: Pick<PGlite, 'query'>): Query =>
    async (text, params) =>
      (await db.query<Record<string, unknown>>(text, params)).rows;
  return {
    query: query(client),
    transaction: (work) => client.transaction((tx) => work(query(tx))),
    close: () => client.close().finally(() => lock.release()),
  };
}

function operationOf(driver: Driver, bot: SeededBot, operation: Operation): (loop: number, counter: number) => Promise<void> {
  const first = bot.integrations[0]!;
  if (operation === 'get-one') return async () => void (await driver.query(GET_ONE, [bot.botId, first.id]));
  if (operation === 'get-list') {
    return async () => {
      await driver.query(BOT_EXISTS, [bot.botId]);
      await driver.query(LIST, [bot.botId]);
    };
  }
  // Each loop writes its own integration, as each HTTP connection does.
  const targets = putTargets(bot);
  return async (loop, counter) => {
    const target = targets[loop % targets.length]!;
    const { type, name, responseDataVariable, transformScript, customDataFields, ...config } = escalation(target.name);
    config.messageToUser = `Hold on, connecting you with an agent (${counter}).`;
    await driver.transaction(async (query) => {
      await query(GET_ONE, [bot.botId, target.id]);
      const [row] = await query(UPDATE, [
        target.id,
        bot.botId,
        name,
        responseDataVariable,
        type,
        JSON.stringify(config),
        transformScript,
        JSON.stringify(customDataFields),
        target.version,
      ]);
      if (!row) throw new Error(`stale version for ${target.name}`);
      target.version = Number(row.version);
      await query(REVISION, [target.id, bot.botId, target.version, JSON.stringify(row), JSON.stringify(['messageToUser'])]);
    });
  };
}

/** Stored versions: the API's load (on PostgreSQL, on the same rows) moves them on between the driver's runs. */
async function refreshVersions(driver: Driver, bot: SeededBot): Promise<void> {
  const rows = await driver.query('select id, version from integrations where bot_id = $1', [bot.botId]);
  const versions = new Map(rows.map((row) => [String(row.id), Number(row.version)]));
  for (const integration of bot.integrations) integration.version = versions.get(integration.id) ?? integration.version;
}

/** `CONNECTIONS` loops, each awaiting one request's queries after another, for `seconds`. */
async function drive(run: (loop: number, counter: number) => Promise<void>, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let counter = 0;
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, loop) => {
      while (performance.now() < deadline) {
        const begin = performance.now();
        try {
          await run(loop, (counter += 1));
          latencies.push(performance.now() - begin);
        } catch {
          failures += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1_000;
  return {
    rps: latencies.length / elapsed,
    p50: latencies.length ? percentile(latencies, 50) : Number.NaN,
    p99: latencies.length ? percentile(latencies, 99) : Number.NaN,
    ok: latencies.length,
    status412: 0,
    failures,
    latencies,
  };
}

export interface DriverSession {
  run(operation: Operation, seconds: number): Promise<LoadResult>;
  close(): Promise<void>;
}

/** Opens the database the server used (for the embedded one, a copy of the server's data dir). */
export async function openDriverSession(target: DatabaseTarget, bot: SeededBot): Promise<DriverSession> {
  const driver = await openDriver(target);
  return {
    async run(operation, seconds) {
      if (operation === 'put-one') await refreshVersions(driver, bot);
      return drive(operationOf(driver, bot, operation), seconds);
    },
    close: () => driver.close(),
  };
}
