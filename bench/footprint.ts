import type { BenchDatabase } from './databases';
import { OPERATIONS, runLoad } from './load';
import { withRatio, type Figure } from './report';
import { seedApiBot, type SeededBot } from './seed';
import { rssMegabytes, referenceServerArgs, startProcess, startServer, type RunningServer } from './server-process';
import { median, sleep } from './stats';

export interface FootprintSettings {
  starts: number;
  loadSeconds: number;
}

interface Footprint {
  startMs: number[];
  idleMb: number;
  loadMb: number;
}

/** The highest RSS seen every 100 ms while `work` runs. */
async function peakRss(pid: number, work: Promise<unknown>): Promise<number> {
  let peak = rssMegabytes(pid);
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, rssMegabytes(pid));
      await sleep(100);
    }
  })();
  try {
    await work;
  } finally {
    running = false;
    await sampler;
  }
  return peak;
}

async function startAndStop(start: () => Promise<RunningServer>, count: number): Promise<{ startMs: number[]; last: RunningServer }> {
  const startMs: number[] = [];
  for (let index = 0; ; index += 1) {
    const server = await start();
    startMs.push(server.startMs);
    if (index === count - 1) return { startMs, last: server };
    await server.stop();
  }
}

/**
 * Starts on a database that already holds data (migrated, seeded) `starts` times, then reads the
 * server's RSS idle and at its peak under the API load (GET one, GET list, PUT).
 */
export async function measureFootprint(database: BenchDatabase, settings: FootprintSettings, seeded?: SeededBot): Promise<Footprint> {
  let bot = seeded;
  if (!bot) {
    const first = await startServer(database.target);
    try {
      bot = await seedApiBot(first.baseUrl);
    } finally {
      await first.stop();
    }
  }
  const { startMs, last } = await startAndStop(() => startServer(database.target), settings.starts);
  try {
    await sleep(1_000);
    const idleMb = rssMegabytes(last.pid);
    const target = bot;
    const load = (async () => {
      for (const { operation } of OPERATIONS) await runLoad(last.baseUrl, target, operation, settings.loadSeconds);
    })();
    return { startMs, idleMb, loadMb: await peakRss(last.pid, load) };
  } finally {
    await last.stop();
  }
}

/** The floor: the bare Fastify process (Node + Fastify, no database) started the same way. */
export async function measureBareFootprint(settings: FootprintSettings): Promise<Footprint> {
  const { startMs, last } = await startAndStop(() => startProcess(referenceServerArgs('bare-server'), {}, 30_000), settings.starts);
  try {
    await sleep(1_000);
    return { startMs, idleMb: rssMegabytes(last.pid), loadMb: Number.NaN };
  } finally {
    await last.stop();
  }
}

export function footprintFigures(database: BenchDatabase, footprint: Footprint, bare: Footprint): Figure[] {
  const group = `footprint ${database.label}`;
  // The goals are the embedded database's: PostgreSQL's memory lives in its own server.
  const embedded = database.kind === 'pglite';
  const bareStart = median(bare.startMs);
  return [
    withRatio({
      group,
      name: 'start to healthy /api/health (existing data)',
      value: median(footprint.startMs),
      unit: 'ms',
      reference: { label: 'bare Fastify process', value: bareStart },
      ...(embedded ? { goal: { on: 'value' as const, op: '<=' as const, limit: 2_000 } } : {}),
      note: `node scripts/start.mjs (what npm start runs); ${footprint.startMs.map(Math.round).join(' / ')} ms`,
      samples: footprint.startMs,
    }),
    withRatio({
      group,
      name: 'server RSS idle',
      value: footprint.idleMb,
      unit: 'MB',
      reference: { label: 'bare Fastify process', value: bare.idleMb },
      ...(embedded ? { goal: { on: 'value' as const, op: '<=' as const, limit: 250 } } : {}),
    }),
    withRatio({
      group,
      name: 'server RSS under API load (peak)',
      value: footprint.loadMb,
      unit: 'MB',
      reference: { label: 'bare Fastify process', value: bare.idleMb },
      ...(embedded ? { goal: { on: 'value' as const, op: '<=' as const, limit: 250 } } : {}),
    }),
  ];
}
