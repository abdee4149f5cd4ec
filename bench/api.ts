import { cpSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { BenchDatabase } from './databases';
import type { DatabaseTarget } from '../src/server/db/database';
import { isLockFile } from '../src/server/db/data-dir-lock';
import { openDriverSession, type DriverSession } from './driver';
import { OPERATIONS, runLoad, type LoadResult, type Operation } from './load';
import type { Figure } from './report';
import { seedApiBot, type SeededBot } from './seed';
import { referenceServerArgs, startProcess, startServer, type RunningServer } from './server-process';
import { median, percentile } from './stats';

export interface ApiSettings {
  seconds: number;
  repetitions: number;
}

/** One repetition: the app's run and its floor's, back to back under the same load. */
interface Pair {
  app: LoadResult;
  floor: LoadResult;
}

export type Runs = Record<Operation, Pair[]>;

export interface ApiMeasurement {
  database: BenchDatabase;
  bot: SeededBot;
  /**
   * Per operation, the app beside its floor: bench/minimal-server.ts (Fastify and the driver, nothing
   * else) for the GETs; the driver alone sending the PUT's statements at the same concurrency for the PUT.
   */
  runs: Runs;
}

const PUT: Operation = 'put-one';

/** The embedded data dir in the state the app left it, for a floor that must not share the app's (one process per data dir). */
function copyDataDir(dataDir: string, suffix: string): string {
  const copy = `${dataDir}-${suffix}`;
  cpSync(dataDir, copy, { recursive: true, filter: (source) => !isLockFile(basename(source)) });
  return copy;
}

/**
 * The app and its floors run side by side and take turns: for each repetition and operation, the app's
 * run and the floor's run follow each other (in alternating order), so a busy moment of the machine
 * lands on both sides of a ratio, not on one of them. The embedded database opens in one process at a
 * time: after seeding, the app stops and its data dir is copied for the minimal server and the driver,
 * so all three start from the same data.
 */
export async function measureApi(database: BenchDatabase, settings: ApiSettings): Promise<ApiMeasurement> {
  const copies: string[] = [];
  const running: Array<{ stop(): Promise<void> }> = [];
  const floorTarget = (suffix: string): DatabaseTarget => {
    if (database.target.kind === 'postgres') return database.target;
    const copy = copyDataDir(database.target.dataDir ?? '', suffix);
    copies.push(copy);
    return { kind: 'pglite', dataDir: copy };
  };
  try {
    let app: RunningServer = await startServer(database.target);
    const bot = await seedApiBot(app.baseUrl);
    let minimalTarget = database.target;
    let driverTarget = database.target;
    if (database.target.kind === 'pglite') {
      await app.stop();
      minimalTarget = floorTarget('minimal');
      driverTarget = floorTarget('driver');
      app = await startServer(database.target);
    }
    running.push(app);
    const env = minimalTarget.kind === 'postgres' ? { DATABASE_URL: minimalTarget.url } : { DATA_DIR: minimalTarget.dataDir ?? '' };
    const minimal = await startProcess(referenceServerArgs('minimal-server'), env, 60_000);
    running.push(minimal);
    const driver: DriverSession = await openDriverSession(driverTarget, bot);
    running.push({ stop: () => driver.close() });

    const appRun = (operation: Operation, seconds: number) => runLoad(app.baseUrl, bot, operation, seconds);
    const floorRun = (operation: Operation, seconds: number) =>
      operation === PUT ? driver.run(operation, seconds) : runLoad(minimal.baseUrl, bot, operation, seconds);

    const runs: Runs = { 'get-one': [], 'get-list': [], 'put-one': [] };
    for (const { operation } of OPERATIONS) {
      // Untimed: warms the JIT and the caches on both sides.
      await appRun(operation, 1);
      await floorRun(operation, 1);
    }
    for (let index = 0; index < settings.repetitions; index += 1) {
      for (const { operation } of OPERATIONS) {
        if (index % 2 === 0) {
          const appResult = await appRun(operation, settings.seconds);
          runs[operation].push({ app: appResult, floor: await floorRun(operation, settings.seconds) });
        } else {
          const floorResult = await floorRun(operation, settings.seconds);
          runs[operation].push({ app: await appRun(operation, settings.seconds), floor: floorResult });
        }
      }
    }
    return { database, bot, runs };
  } finally {
    for (const started of running.reverse()) await started.stop();
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  }
}

const fixed = (values: number[]) => values.map((value) => Math.round(value).toLocaleString('en-US')).join(' / ');
const failuresOf = (pairs: Pair[]) => pairs.reduce((sum, pair) => sum + pair.app.failures, 0);
const pooledP99 = (runs: LoadResult[]) => {
  const latencies = runs.flatMap((run) => run.latencies);
  return latencies.length ? percentile(latencies, 99) : Number.NaN;
};

/**
 * The GETs against the minimal server's throughput: the median of each repetition's ratio, as each pair
 * ran under the same load. The PUT's p99 against the driver's, each over every latency of its
 * repetitions pooled: a 2-second run has too few writes for its own p99 to be more than its slowest one.
 */
export function apiFigures(measurement: ApiMeasurement): Figure[] {
  const group = `API ${measurement.database.label}`;
  return OPERATIONS.flatMap(({ operation, title }): Figure[] => {
    const pairs = measurement.runs[operation];
    const app = pairs.map((pair) => pair.app);
    const floor = pairs.map((pair) => pair.floor);
    const failures = failuresOf(pairs) ? `; ${failuresOf(pairs)} failed requests` : '';
    const appRps = app.map((run) => run.rps);
    const floorRps = floor.map((run) => run.rps);
    const rpsRatio = median(pairs.map((pair) => pair.app.rps / pair.floor.rps));
    if (operation !== PUT) {
      return [
        {
          group,
          name: `${title}, throughput`,
          value: median(appRps),
          unit: 'req/s',
          reference: { label: 'minimal server', value: median(floorRps) },
          ratio: rpsRatio,
          goal: { on: 'ratio', op: '>=', limit: 0.8 },
          note: `pairs run back to back, app / minimal server: ${pairs.map((pair) => `${fixed([pair.app.rps, pair.floor.rps])}`).join(', ')} req/s; ratio is the median of the pairs'${failures}`,
          samples: appRps,
        },
      ];
    }
    const appP99 = pooledP99(app);
    const floorP99 = pooledP99(floor);
    const status412 = app.reduce((sum, run) => sum + run.status412, 0);
    return [
      {
        group,
        name: `${title}, p99`,
        value: appP99,
        unit: 'ms',
        reference: { label: 'driver, same statements', value: floorP99 },
        ratio: appP99 / floorP99,
        goal: { on: 'ratio', op: '<=', limit: 1.5 },
        note: `p99 over ${app.reduce((sum, run) => sum + run.ok, 0)} app and ${floor.reduce((sum, run) => sum + run.ok, 0)} driver writes pooled; each run's p99: app ${fixed(app.map((run) => run.p99))} ms, driver ${fixed(floor.map((run) => run.p99))} ms; ${status412} answers 412${failures}`,
        samples: app.map((run) => run.p99),
      },
      {
        group,
        name: `${title}, throughput (no goal)`,
        value: median(appRps),
        unit: 'req/s',
        reference: { label: 'driver, same statements', value: median(floorRps) },
        ratio: rpsRatio,
        samples: appRps,
      },
    ];
  });
}
