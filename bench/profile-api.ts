// Where an API request's time goes on the server (a tool, not a budget): the built server's CPU time
// per answered request, read from /proc around autocannon runs at the bench's concurrency, beside the
// answers' rate and latency. CPU per answer moves less with the machine's load than throughput or
// latency do, yet still up to twice as much on a saturated machine (caches and cores shared): compare
// builds in alternation, several times, not one run against a figure from earlier.
//
//   npx tsx bench/profile-api.ts [pglite|postgres] [get-one|get-list|put-one] [seconds] [runs] [app|minimal|driver]
//
// `minimal` measures the GETs' floor instead (bench/minimal-server.ts), `driver` the PUT's (bench/driver.ts,
// the same statements at the same concurrency, in this process: its CPU is this process's own).
//
// SERVER=<built entry> measures another build (e.g. a copy of dist-server/ made before a change, for an
// A/B on the same machine minutes apart). PROFILE=cpu writes a V8 CPU profile (--cpu-prof) of the
// server to bench/results/profiles/. Ports come from BENCH_PORT_BASE as in the bench; PostgreSQL from
// TEST_DATABASE_URL.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBenchDatabase, DEFAULT_POSTGRES_URL, type BenchDatabaseKind } from './databases';
import { openDriverSession } from './driver';
import { OPERATIONS, runLoad, type LoadResult, type Operation } from './load';
import { seedApiBot, type SeededBot } from './seed';
import { cpuMicros, referenceServerArgs, root, startProcess, startServer } from './server-process';

const [kindArg = 'pglite', operationArg = 'put-one', secondsArg = '3', runsArg = '3', sideArg = 'app'] = process.argv.slice(2);
const kind = kindArg as BenchDatabaseKind;
const operation = operationArg as Operation;
if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`the database is pglite or postgres, not ${kindArg}`);
if (!OPERATIONS.some((known) => known.operation === operation)) throw new Error(`unknown operation ${operationArg}`);
const profile = process.env.PROFILE ?? '';

function report(result: LoadResult, cpu: number): void {
  const answers = result.ok + result.status412 + result.failures;
  console.log(
    `${kind} ${operation} ${sideArg}: ${Math.round(result.rps)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ` +
      `${Math.round(cpu / answers)} µs CPU per answer (${answers} answers, ${result.status412} 412, ${result.failures} failed)`,
  );
}

const processCpu = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

/** The built server as `npm start` runs it (its Node flags), with the profiler's flags when asked. */
async function measureServer(bot: SeededBot): Promise<void> {
  const flags = ['--enable-source-maps', '--max-semi-space-size=4'];
  if (profile === 'cpu') {
    mkdirSync(profileDir, { recursive: true });
    flags.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`);
  }
  const env: NodeJS.ProcessEnv = { ENABLE_TEST_API: '1', LOG_LEVEL: 'warn', WEB_ROOT: join(root, 'dist') };
  if (database.target.kind === 'postgres') {
    Object.assign(env, { DATABASE_URL: database.target.url, SECRETS_KEY: Buffer.alloc(32, 7).toString('base64') });
  } else env.DATA_DIR = database.target.dataDir ?? '';
  const server =
    sideArg === 'minimal'
      ? await startProcess([...flags, ...referenceServerArgs('minimal-server')], env, 60_000)
      : await startProcess([...flags, process.env.SERVER ?? 'dist-server/main.mjs'], env, 180_000);
  try {
    await runLoad(server.baseUrl, bot, operation, 1);
    for (let run = 0; run < Number(runsArg); run += 1) {
      const before = cpuMicros(server.pid);
      const result = await runLoad(server.baseUrl, bot, operation, Number(secondsArg));
      report(result, cpuMicros(server.pid) - before);
    }
  } finally {
    await server.stop();
  }
}

process.env.TEST_DATABASE_URL ??= DEFAULT_POSTGRES_URL;
const database = await createBenchDatabase(kind);
const profileDir = join(root, 'bench', 'results', 'profiles');
try {
  // Seeded by the server as the bench starts it, then served by one started with the flags asked for.
  const seeder = await startServer(database.target);
  const bot = await seedApiBot(seeder.baseUrl);
  await seeder.stop();
  if (sideArg === 'driver') {
    const driver = await openDriverSession(database.target, bot);
    try {
      await driver.run(operation, 1);
      for (let run = 0; run < Number(runsArg); run += 1) {
        const before = processCpu();
        const result = await driver.run(operation, Number(secondsArg));
        report(result, processCpu() - before);
      }
    } finally {
      await driver.close();
    }
  } else await measureServer(bot);
  if (profile === 'cpu') console.log(`CPU profile in ${profileDir}`);
} finally {
  await database.destroy();
}
