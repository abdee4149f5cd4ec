import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchDatabase } from './databases';
import { openDriverSession } from './driver';
import { integrationPath, listPath, OPERATIONS, runLoad, type LoadResult, type Operation } from './load';
import type { Figure } from './report';
import { withRatio } from './report';
import { seedApiBot, type SeededBot } from './seed';
import { referenceServerArgs, startProcess, startServer } from './server-process';
import { median } from './stats';

export interface ApiSettings {
  seconds: number;
  repetitions: number;
}

export type Runs = Record<Operation, LoadResult[]>;

export interface ApiMeasurement {
  database: BenchDatabase;
  bot: SeededBot;
  app: Runs;
  driver: Runs;
  /** The GETs answered by bench/minimal-server.ts: Fastify and the driver, nothing else. */
  minimal: Runs;
  /** Real answers of the API, so the bare reference serves JSON of the same size. */
  payloads: { one: unknown; list: unknown };
}

const emptyRuns = (): Runs => ({ 'get-one': [], 'get-list': [], 'put-one': [] });

const ALL = OPERATIONS.map(({ operation }) => operation);
const GETS: Operation[] = ['get-one', 'get-list'];

/** Repetitions interleave the operations, so a slow moment of the machine does not land on one figure only. */
async function repeat(
  settings: ApiSettings,
  run: (operation: Operation, seconds: number) => Promise<LoadResult>,
  operations: Operation[] = ALL,
): Promise<Runs> {
  const runs = emptyRuns();
  for (const operation of operations) await run(operation, 1); // untimed: warm JIT and caches
  for (let index = 0; index < settings.repetitions; index += 1) {
    for (const operation of operations) runs[operation].push(await run(operation, settings.seconds));
  }
  return runs;
}

/** The real server on a new database, then the same queries through the driver once it has stopped. */
export async function measureApi(database: BenchDatabase, settings: ApiSettings): Promise<ApiMeasurement> {
  const server = await startServer(database.target);
  let bot: SeededBot;
  let app: Runs;
  let payloads: ApiMeasurement['payloads'];
  try {
    bot = await seedApiBot(server.baseUrl);
    payloads = {
      one: await (await fetch(server.baseUrl + integrationPath(bot.botId, bot.integrations[0]!.id))).json(),
      list: await (await fetch(server.baseUrl + listPath(bot.botId))).json(),
    };
    app = await repeat(settings, (operation, seconds) => runLoad(server.baseUrl, bot, operation, seconds));
  } finally {
    await server.stop();
  }
  const session = await openDriverSession(database.target, bot);
  let driver: Runs;
  try {
    driver = await repeat(settings, session.run);
  } finally {
    await session.close();
  }
  // Last, as the embedded data dir can be open in one process at a time.
  const env = database.target.kind === 'postgres' ? { DATABASE_URL: database.target.url } : { DATA_DIR: database.target.dataDir ?? '' };
  const minimalServer = await startProcess(referenceServerArgs('minimal-server'), env, 60_000);
  try {
    const minimal = await repeat(settings, (operation, seconds) => runLoad(minimalServer.baseUrl, bot, operation, seconds), GETS);
    return { database, bot, app, driver, minimal, payloads };
  } finally {
    await minimalServer.stop();
  }
}

/** The bare Fastify reference, serving the payloads the API answered with. */
export async function measureBare(reference: ApiMeasurement, settings: ApiSettings): Promise<Runs> {
  const directory = mkdtempSync(join(tmpdir(), 'integrations-bench-'));
  const payloadFile = join(directory, 'payloads.json');
  writeFileSync(payloadFile, JSON.stringify(reference.payloads));
  const bare = await startProcess(referenceServerArgs('bare-server'), { PAYLOAD_FILE: payloadFile }, 30_000);
  try {
    return await repeat(settings, (operation, seconds) => runLoad(bare.baseUrl, reference.bot, operation, seconds));
  } finally {
    await bare.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}

interface Summary {
  rps: number;
  p50: number;
  p99: number;
  status412: number;
  failures: number;
  samples: number[];
}

function summarize(runs: LoadResult[]): Summary {
  return {
    rps: median(runs.map((run) => run.rps)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    status412: runs.reduce((sum, run) => sum + run.status412, 0),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
    samples: runs.map((run) => Math.round(run.rps)),
  };
}

const fixed = (value: number) => Math.round(value).toLocaleString('en-US');

/** req/s, p50 and p99 of each operation, each beside the slower of its two limits. */
export function apiFigures(measurement: ApiMeasurement, bare: Runs): Figure[] {
  const group = `API ${measurement.database.label}`;
  return OPERATIONS.flatMap(({ operation, title }) => {
    const app = summarize(measurement.app[operation]);
    const limits = [
      { label: 'bare Fastify', ...summarize(bare[operation]) },
      { label: 'driver', ...summarize(measurement.driver[operation]) },
    ];
    const limit = limits[0]!.rps <= limits[1]!.rps ? limits[0]! : limits[1]!;
    const facts = [
      `limits: bare Fastify ${fixed(limits[0]!.rps)} req/s, driver ${fixed(limits[1]!.rps)} q/s`,
      `${app.samples.join(' / ')} req/s over ${app.samples.length} runs`,
      ...(operation === 'put-one' ? [`${app.status412} answers 412`] : []),
      ...(app.failures ? [`${app.failures} failed requests`] : []),
    ];
    const isGet = operation !== 'put-one';
    return [
      withRatio({
        group,
        name: `${title}, throughput`,
        value: app.rps,
        unit: 'req/s',
        reference: { label: limit.label, value: limit.rps },
        ...(isGet ? { goal: { on: 'ratio' as const, op: '>=' as const, limit: 0.8 } } : {}),
        note: facts.join('; '),
        samples: app.samples,
      }),
      ...(isGet
        ? [
            withRatio({
              group,
              name: `${title}, minimal Fastify + driver route (no goal)`,
              value: summarize(measurement.minimal[operation]).rps,
              unit: 'req/s',
              reference: { label: limit.label, value: limit.rps },
              note: 'bench/minimal-server.ts: the same SQL over HTTP with nothing else, the most any app could reach here',
            }),
          ]
        : []),
      withRatio({ group, name: `${title}, p50`, value: app.p50, unit: 'ms', reference: { label: limit.label, value: limit.p50 } }),
      withRatio({
        group,
        name: `${title}, p99`,
        value: app.p99,
        unit: 'ms',
        reference: { label: limit.label, value: limit.p99 },
        ...(isGet ? {} : { goal: { on: 'value' as const, op: '<=' as const, limit: 20 } }),
      }),
    ];
  });
}
