import type { BenchDatabase } from './databases';
import { openDriverSession } from './driver';
import { OPERATIONS, runLoad, type LoadResult, type Operation } from './load';
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
  /** The PUT's statements sent by the driver alone, at the same concurrency. */
  driver: Runs;
  /** The GETs answered by bench/minimal-server.ts: Fastify and the driver, nothing else. */
  minimal: Runs;
}

const emptyRuns = (): Runs => ({ 'get-one': [], 'get-list': [], 'put-one': [] });

const ALL = OPERATIONS.map(({ operation }) => operation);
const GETS: Operation[] = ['get-one', 'get-list'];
const PUT: Operation = 'put-one';

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

/**
 * The app's server on a new database; then the driver alone sending the PUT's statements at the same
 * concurrency (once the server has stopped: the embedded data dir opens in one process at a time);
 * then bench/minimal-server.ts answering the GETs over the same data.
 */
export async function measureApi(database: BenchDatabase, settings: ApiSettings): Promise<ApiMeasurement> {
  const server = await startServer(database.target);
  let bot: SeededBot;
  let app: Runs;
  try {
    bot = await seedApiBot(server.baseUrl);
    app = await repeat(settings, (operation, seconds) => runLoad(server.baseUrl, bot, operation, seconds));
  } finally {
    await server.stop();
  }
  const session = await openDriverSession(database.target, bot);
  let driver: Runs;
  try {
    driver = await repeat(settings, session.run, [PUT]);
  } finally {
    await session.close();
  }
  const env = database.target.kind === 'postgres' ? { DATABASE_URL: database.target.url } : { DATA_DIR: database.target.dataDir ?? '' };
  const minimalServer = await startProcess(referenceServerArgs('minimal-server'), env, 60_000);
  try {
    const minimal = await repeat(settings, (operation, seconds) => runLoad(minimalServer.baseUrl, bot, operation, seconds), GETS);
    return { database, bot, app, driver, minimal };
  } finally {
    await minimalServer.stop();
  }
}

interface Summary {
  rps: number;
  p99: number;
  status412: number;
  failures: number;
  rpsSamples: number[];
  p99Samples: number[];
}

function summarize(runs: LoadResult[]): Summary {
  return {
    rps: median(runs.map((run) => run.rps)),
    p99: median(runs.map((run) => run.p99)),
    status412: runs.reduce((sum, run) => sum + run.status412, 0),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
    rpsSamples: runs.map((run) => run.rps),
    p99Samples: runs.map((run) => run.p99),
  };
}

const fixed = (values: number[]) => values.map((value) => Math.round(value).toLocaleString('en-US')).join(' / ');

/** The GETs against the minimal server's throughput; the PUT's p99 against the driver's. */
export function apiFigures(measurement: ApiMeasurement): Figure[] {
  const group = `API ${measurement.database.label}`;
  return OPERATIONS.flatMap(({ operation, title }): Figure[] => {
    const app = summarize(measurement.app[operation]);
    const failures = app.failures ? `; ${app.failures} failed requests` : '';
    if (operation !== PUT) {
      const floor = summarize(measurement.minimal[operation]);
      return [
        withRatio({
          group,
          name: `${title}, throughput`,
          value: app.rps,
          unit: 'req/s',
          reference: { label: 'minimal server', value: floor.rps },
          goal: { on: 'ratio', op: '>=', limit: 0.8 },
          note: `app ${fixed(app.rpsSamples)} req/s; minimal server ${fixed(floor.rpsSamples)} req/s${failures}`,
          samples: app.rpsSamples,
        }),
      ];
    }
    const floor = summarize(measurement.driver[operation]);
    return [
      withRatio({
        group,
        name: `${title}, p99`,
        value: app.p99,
        unit: 'ms',
        reference: { label: 'driver, same statements', value: floor.p99 },
        goal: { on: 'ratio', op: '<=', limit: 1.5 },
        note: `app ${fixed(app.p99Samples)} ms; driver ${fixed(floor.p99Samples)} ms; ${app.status412} answers 412${failures}`,
        samples: app.p99Samples,
      }),
      withRatio({
        group,
        name: `${title}, throughput (no goal)`,
        value: app.rps,
        unit: 'req/s',
        reference: { label: 'driver, same statements', value: floor.rps },
        samples: app.rpsSamples,
      }),
    ];
  });
}
