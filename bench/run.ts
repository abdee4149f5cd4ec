// npm run bench [-- --json] [-- --only api,first-page] [-- --quick]; npm run bench:check fails on a broken budget.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { apiFigures, measureApi, measureBare, type ApiMeasurement, type ApiSettings } from './api';
import { createBenchDatabase, DEFAULT_POSTGRES_URL, postgresAnswers, type BenchDatabase, type BenchDatabaseKind } from './databases';
import { footprintFigures, measureBareFootprint, measureFootprint, type FootprintSettings } from './footprint';
import { firstPageFigures, firstPageFiles } from './first-page';
import { launchBrowser } from './browser-session';
import { browserFigures, measureBrowser, type BrowserSettings } from './browser';
import { measureScale, scaleFigures, type ScaleSettings } from './scale';
import { brokenBudgets, formatGoal, formatMarkdown, formatTable, writeJson, type Figure } from './report';
import { ensureBuilt, root, startServer } from './server-process';

const GROUPS = ['first-page', 'api', 'footprint', 'browser', 'scale'] as const;
type Group = (typeof GROUPS)[number];

interface Options {
  json: boolean;
  check: boolean;
  markdown: boolean;
  quick: boolean;
  groups: Group[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = { json: false, check: false, markdown: false, quick: false, groups: [...GROUPS] };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--check') options.check = true;
    else if (arg === '--markdown') options.markdown = true;
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const list = arg.includes('=') ? arg.slice('--only='.length) : (argv[(index += 1)] ?? '');
      const groups = list.split(',').map((group) => group.trim()).filter(Boolean);
      const unknown = groups.filter((group) => !GROUPS.includes(group as Group));
      if (unknown.length || groups.length === 0) throw new Error(`--only takes some of ${GROUPS.join(',')}; got "${list}"`);
      options.groups = groups as Group[];
    } else throw new Error(`unknown option ${arg}; use --json, --check, --markdown, --quick, --only ${GROUPS.join(',')}`);
  }
  return options;
}

async function databasesToUse(skipped: string[]): Promise<BenchDatabaseKind[]> {
  process.env.TEST_DATABASE_URL ??= DEFAULT_POSTGRES_URL;
  if (await postgresAnswers(process.env.TEST_DATABASE_URL)) return ['pglite', 'postgres'];
  const note = `PostgreSQL at ${process.env.TEST_DATABASE_URL} does not answer: its figures are skipped.`;
  console.log(note);
  skipped.push(note);
  return ['pglite'];
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // Other work on the machine skews every figure: the load average goes with the results.
  const loadBefore = loadavg()[0]!;
  const startedAt = new Date();
  const figures: Figure[] = [];
  const skipped: string[] = [];
  const wants = (group: Group) => options.groups.includes(group);
  const api: ApiSettings = options.quick ? { seconds: 1, repetitions: 1 } : { seconds: 2, repetitions: 3 };
  const footprint: FootprintSettings = options.quick ? { starts: 1, loadSeconds: 1 } : { starts: 3, loadSeconds: 2 };
  const browser: BrowserSettings = { repetitions: options.quick ? 2 : 5 };
  const scale: ScaleSettings = options.quick ? { apiRequests: 5, repetitions: 1 } : { apiRequests: 20, repetitions: 3 };
  const step = (what: string) => console.log(`… ${what} (${((Date.now() - startedAt.getTime()) / 1_000).toFixed(0)} s)`);

  step('building the web app and the server if needed');
  ensureBuilt();
  if (wants('first-page')) figures.push(...firstPageFigures(firstPageFiles()));

  if (wants('api') || wants('footprint')) {
    const kinds = await databasesToUse(skipped);
    const measured: ApiMeasurement[] = [];
    const bareFootprint = wants('footprint') ? await measureBareFootprint(footprint) : null;
    for (const kind of kinds) {
      const database: BenchDatabase = await createBenchDatabase(kind);
      try {
        let seeded;
        if (wants('api')) {
          step(`API on the ${database.label} database`);
          const measurement = await measureApi(database, api);
          measured.push(measurement);
          seeded = measurement.bot;
        }
        if (bareFootprint) {
          step(`footprint on the ${database.label} database`);
          figures.push(...footprintFigures(database, await measureFootprint(database, footprint, seeded), bareFootprint));
        }
      } finally {
        await database.destroy();
      }
    }
    if (measured.length > 0) {
      step('bare Fastify reference');
      const bare = await measureBare(measured[0]!, api);
      figures.push(...measured.flatMap((measurement) => apiFigures(measurement, bare)));
    }
  }

  if (wants('browser') || wants('scale')) {
    step('browser figures on the embedded database');
    figures.push(...(await measureInBrowser(wants('browser') ? browser : null, wants('scale') ? scale : null, step)));
  }

  const durationSeconds = (Date.now() - startedAt.getTime()) / 1_000;
  const load = `load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`;
  console.log(`\nnpm run bench: ${options.groups.join(', ')} in ${durationSeconds.toFixed(0)} s on ${cpus().length} cores, Node ${process.version}, ${load}\n`);
  console.log(formatTable(figures));
  if (options.markdown) console.log(`\n${formatMarkdown(figures)}`);
  if (options.json) {
    const path = writeJson(join(root, 'bench', 'results'), {
      startedAt: startedAt.toISOString(),
      durationSeconds,
      groups: options.groups,
      machine: { cpus: cpus().length, node: process.version, platform: process.platform, loadAverage: { start: loadBefore, end: loadavg()[0]! } },
      skipped,
    }, figures);
    console.log(`\nFigures written to ${path}`);
  }
  const broken = brokenBudgets(figures);
  if (broken.length > 0) {
    console.log(`\n${broken.length} budget${broken.length === 1 ? '' : 's'} broken:`);
    for (const figure of broken) console.log(`  - ${figure.group}: ${figure.name} = ${figure.value.toFixed(1)} ${figure.unit} (goal ${formatGoal(figure)})`);
  }
  if (options.check && broken.length > 0) process.exitCode = 1;
}

/** One production server (embedded database, demo data) and one Chromium for the browser and scale figures. */
async function measureInBrowser(
  browserSettings: BrowserSettings | null,
  scaleSettings: ScaleSettings | null,
  step: (what: string) => void,
): Promise<Figure[]> {
  const database = await createBenchDatabase('pglite');
  const figures: Figure[] = [];
  try {
    const server = await startServer(database.target);
    try {
      const reset = await fetch(`${server.baseUrl}/api/testing/reset`, { method: 'POST' });
      const { bots } = (await reset.json()) as { bots: Array<{ id: string }> };
      const chromium = await launchBrowser();
      try {
        if (browserSettings) figures.push(...browserFigures(await measureBrowser(chromium, server.baseUrl, bots[0]!.id, browserSettings)));
        if (scaleSettings) {
          step('scale: 50, 500 and 5,000 integrations');
          figures.push(...scaleFigures(await measureScale(chromium, server.baseUrl, scaleSettings)));
        }
      } finally {
        await chromium.close();
      }
    } finally {
      await server.stop();
    }
  } finally {
    await database.destroy();
  }
  return figures;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 2;
});
