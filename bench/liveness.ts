import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { MAX_DIALOGS_PER_BOT, MAX_INTEGRATIONS_PER_BOT } from '../src/domain/limits';
import { anIntegrationInput } from '../src/domain/samples';
import { keepDialogItemsApart } from '../src/server/cb-export/dialog-items-store';
import { mapCbExport } from '../src/server/cb-export/from-cb';
import { encodeExtras } from '../src/server/cb-export/stored-extras';
import { openDatabase } from '../src/server/db/database';
import { bots } from '../src/server/db/schema';
import { bigBotExport } from '../src/server/dialogs/testing/big-bot';
import type { BenchDatabase } from './databases';
import type { Figure } from './report';
import { startServer, type RunningServer } from './server-process';

/*
 * Issue 23: `/api/health/live` answers within 200 ms while a real server process reads the biggest bots (a
 * balancer that misses its probe takes the server out for work it was doing fine). Measured, not unit
 * tested: the slowest probe while the server is hammered with reads, beyond the slowest probe while the
 * same server is idle in the same run (on a shared machine a probe waits for the CPU too, and that wait is
 * not the server's doing).
 */

export interface LivenessSettings {
  idleMs: number;
  hammerMs: number;
}

/** The budget: the slowest probe under load may exceed the idle floor by this much. */
const LIVENESS_BEYOND_IDLE_MS = 200;
/** A bot imported before the dialogs limit existed: the biggest one a server may still hold. */
const HUGE_DIALOGS = 20_000;
/**
 * Its own ports, BENCH_LIVENESS_PORT and the one after it (default BENCH_PORT_BASE + 500 and + 501: 4900,
 * 4901): the server restarts on the same database, so a fixed port per database keeps the run readable;
 * `startServer` refuses a taken one.
 */
const portFor = (kind: BenchDatabase['kind']) =>
  Number(process.env.BENCH_LIVENESS_PORT ?? Number(process.env.BENCH_PORT_BASE ?? 4400) + 500) + (kind === 'pglite' ? 0 : 1);

/** A bot file with `dialogs` dialogs (the support desk's 4 and copies of its welcome dialog). */
const botFile = (dialogs: number) => bigBotExport(dialogs - 4);

interface Imported {
  bot: { id: string };
  integrations: Array<{ id: string; name: string }>;
}

async function importFile(baseUrl: string, body: string): Promise<Imported> {
  const response = await fetch(`${baseUrl}/api/bots/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`import answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Imported;
}

async function getJson(baseUrl: string, path: string): Promise<Record<string, unknown>> {
  const response = await fetch(baseUrl + path);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

interface Call {
  method: string;
  path: string;
  json?: unknown;
}

/** Sends `calls` in turns on `lanes` parallel lanes until `ms` have passed, every answer read whole. */
async function hammer(baseUrl: string, calls: Call[], ms: number, lanes = 3) {
  const until = performance.now() + ms;
  const statuses = new Map<string, number>();
  const slowest = new Map<string, number>();
  let count = 0;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let n = lane; performance.now() < until; n += 1) {
        const call = calls[n % calls.length]!;
        const begin = performance.now();
        const response = await fetch(baseUrl + call.path, {
          method: call.method,
          headers: call.json === undefined ? {} : { 'content-type': 'application/json' },
          body: call.json === undefined ? undefined : JSON.stringify(call.json),
        });
        await response.arrayBuffer();
        const route = `${call.method} ${call.path.replace(/[0-9a-f-]{36}/g, ':id').replace(/cursor=[^&]+/, 'cursor=…')}`;
        const key = `${route} ${response.status}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        slowest.set(route, Math.max(slowest.get(route) ?? 0, performance.now() - begin));
        count += 1;
      }
    }),
  );
  const failed = [...statuses.keys()].filter((key) => !key.endsWith(' 200'));
  if (failed.length > 0) throw new Error(`reads that did not answer 200: ${failed.join(', ')}`);
  // Where the time went: the slowest answer of each read, slowest first (three lanes share the server).
  const reads = [...slowest]
    .sort(([, a], [, b]) => b - a)
    .map(([route, ms]) => `${route} ${ms.toFixed(0)} ms`)
    .join('; ');
  return { count, reads };
}

/** Every liveness answer's time while `work` runs, probing every 25 ms. */
async function probeWhile(baseUrl: string, work: Promise<unknown>): Promise<number[]> {
  let done = false;
  // Settled either way before the probing stops, so a failed read is reported by `await settled`, not as unhandled.
  const settled = work.finally(() => (done = true));
  settled.catch(() => undefined);
  const times: number[] = [];
  while (!done) {
    const begin = performance.now();
    const response = await fetch(`${baseUrl}/api/health/live`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`/api/health/live answered ${response.status}`);
    times.push(performance.now() - begin);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await settled;
  return times;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(new Error(`port ${port} is taken: set BENCH_LIVENESS_PORT (or BENCH_PORT_BASE) to move the bench's ports`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** The database of the server just stopped: its data dir lock may take a moment to be released on a busy machine. */
async function openStopped(database: BenchDatabase) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await openDatabase(database.target);
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(1_000);
    }
  }
}

async function start(database: BenchDatabase): Promise<RunningServer> {
  const port = portFor(database.kind);
  await assertPortFree(port);
  return startServer(database.target, { port });
}

interface LivenessPhase {
  label: string;
  slowest: number;
  probes: number;
  reads: number;
  /** The slowest answer of each read, slowest first. */
  slowestReads: string;
}

interface LivenessMeasurement {
  database: BenchDatabase;
  idle: number;
  phases: LivenessPhase[];
}

/**
 * Seeds three bots (5,000 dialogs; 20,000 dialogs written as an import wrote them before the limit; 5,000
 * integrations), restarts the server, measures the idle floor, then probes liveness while each bot is read.
 */
export async function measureLiveness(database: BenchDatabase, settings: LivenessSettings): Promise<LivenessMeasurement> {
  let server = await start(database);
  let full: Imported;
  let huge: Imported;
  let many: Imported;
  try {
    full = await importFile(server.baseUrl, botFile(MAX_DIALOGS_PER_BOT));
    huge = await importFile(server.baseUrl, botFile(4));
    many = await importFile(
      server.baseUrl,
      JSON.stringify({
        format: 'integrations-panel',
        formatVersion: 1,
        bot: { name: 'Many integrations', description: '' },
        integrations: Array.from({ length: MAX_INTEGRATIONS_PER_BOT }, (_, index) =>
          anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: `Esc_${index}`, responseDataVariable: `Esc_${index}` }),
        ),
        extras: null,
      }),
    );
  } finally {
    await server.stop();
  }
  // A bot of 20,000 dialogs cannot be imported any more (413), but one imported before the limit still
  // exists: its file is written as an import wrote it then (the whole file in the bot's row), with the
  // server stopped (PGlite has one owner), then kept apart as a server does at start.
  const handle = await openStopped(database);
  try {
    const extras = mapCbExport(JSON.parse(botFile(HUGE_DIALOGS)) as Parameters<typeof mapCbExport>[0]).bot.extras;
    await handle.db
      .update(bots)
      .set({ extras: encodeExtras(extras), version: sql`${bots.version} + 1` })
      .where(eq(bots.id, huge.bot.id));
    const kept = await keepDialogItemsApart(handle.db);
    if (kept !== 1) throw new Error(`keepDialogItemsApart rewrote ${kept} bots, not 1`);
  } finally {
    await handle.close();
  }

  server = await start(database);
  try {
    const { baseUrl } = server;
    const idle = Math.max(...(await probeWhile(baseUrl, sleep(settings.idleMs))));
    const phases: LivenessPhase[] = [];
    const measure = async (label: string, work: Promise<{ count: number; reads: string }>) => {
      const times = await probeWhile(baseUrl, work);
      const { count, reads } = await work;
      phases.push({ label, slowest: Math.max(...times), probes: times.length, reads: count, slowestReads: reads });
    };

    for (const [label, bot] of [
      [`${MAX_DIALOGS_PER_BOT.toLocaleString('en-US')} dialogs`, full],
      [`${HUGE_DIALOGS.toLocaleString('en-US')} dialogs`, huge],
    ] as const) {
      const botId = bot.bot.id;
      const orderLookup = bot.integrations.find((item) => item.name === 'OrderLookup')!.id;
      // The first reads after the start parse the bot's file (nothing is cached yet): they are probed too.
      const work = (async () => {
        const first = await getJson(baseUrl, `/api/bots/${botId}/dialogs`);
        const nextCursor = first.nextCursor as string | undefined;
        if (nextCursor === undefined) throw new Error(`${label}: the first dialogs page has no nextCursor`);
        await getJson(baseUrl, `/api/bots/${botId}/checks`);
        return hammer(
          baseUrl,
          [
            { method: 'GET', path: `/api/bots/${botId}/dialogs` },
            { method: 'GET', path: `/api/bots/${botId}/dialogs?cursor=${nextCursor}` },
            { method: 'GET', path: `/api/bots/${botId}/checks` },
            { method: 'GET', path: `/api/bots/${botId}/integrations/${orderLookup}/usages` },
            { method: 'POST', path: `/api/bots/${botId}/integrations/${orderLookup}/rename?dryRun=true`, json: { name: 'OrderFinder' } },
          ],
          settings.hammerMs,
        );
      })();
      await measure(label, work);
    }

    const manyId = many.bot.id;
    const firstPage = `/api/bots/${manyId}/integrations?limit=500`;
    const nextCursor = (await getJson(baseUrl, firstPage)).nextCursor as string | undefined;
    if (nextCursor === undefined) throw new Error('the first integrations page has no nextCursor');
    await measure(
      `${MAX_INTEGRATIONS_PER_BOT.toLocaleString('en-US')} integrations`,
      hammer(
        baseUrl,
        [
          { method: 'GET', path: firstPage },
          { method: 'GET', path: `${firstPage}&cursor=${nextCursor}` },
          { method: 'GET', path: `/api/bots/${manyId}/integrations?limit=500&q=Esc_42` },
          { method: 'GET', path: `/api/bots/${manyId}/checks` },
          { method: 'GET', path: `/api/bots/${manyId}/export?format=cb` },
          { method: 'GET', path: `/api/bots/${manyId}/export?format=native` },
        ],
        settings.hammerMs,
      ),
    );
    return { database, idle, phases };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nthe server's stderr: ${server.stderr()}`, { cause: error });
  } finally {
    await server.stop();
  }
}

export function livenessFigures({ database, idle, phases }: LivenessMeasurement): Figure[] {
  return phases.map((phase) => ({
    group: `liveness ${database.label}`,
    name: `slowest /api/health/live beyond idle while reading ${phase.label}`,
    value: phase.slowest - idle,
    unit: 'ms',
    reference: { label: 'idle slowest', value: idle },
    goal: { on: 'value', op: '<=', limit: LIVENESS_BEYOND_IDLE_MS },
    note: `slowest ${phase.slowest.toFixed(0)} ms over ${phase.probes} probes during ${phase.reads} reads; idle slowest ${idle.toFixed(0)} ms; slowest answers: ${phase.slowestReads}`,
  }));
}
