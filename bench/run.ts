// npm run bench [-- --json] [-- --markdown] [-- --only first-page,screens] [-- --quick]; --check (npm run bench:check) fails on a broken budget.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { apiFigures, measureApi, type ApiMeasurement, type ApiSettings } from './api';
import { authFigures, measureAuth, type AuthSettings } from './auth';
import { launchBrowser } from './browser-session';
import { measureSaves, saveFigures, type BrowserSettings } from './browser';
import { createBenchDatabase, DEFAULT_POSTGRES_URL, postgresAnswers, type BenchDatabase, type BenchDatabaseKind } from './databases';
import { startDemoServer } from './demo-server';
import { footprintFigures, measureBareFootprint, measureFootprint, type FootprintSettings } from './footprint';
import { liveFigures, measureLiveSaves, measureLiveStreams, type LiveSaves, type LiveSettings, type LiveStreams } from './live';
import { livenessFigures, measureLiveness, type LivenessSettings } from './liveness';
import { LoadMonitor } from './load-average';
import { brokenBudgets, formatGoal, formatMarkdown, formatTable, withLoad, writeJson, type Figure } from './report';
import { measureScale, scaleFigures, type ScaleSettings } from './scale';
import { measureScreens, screenFigures, type ScreensSettings } from './screens';
import { measureTyping, typingFigures, type TypingSettings } from './typing';
import { ensureBuilt, root } from './server-process';
import { measureWeight, weightFigures } from './weight';

// first-page: the weight of each screen (deterministic: CI checks it); screens: each screen against its
// floor page; browser: Save → "Saved"; api and footprint: the server; scale: 50 to 5,000 integrations;
// liveness: /api/health/live while the biggest bots are read, against the same server idle; typing: Event Timing
// of keystrokes in the form and of list row clicks, against a React-only page of controlled inputs; live: the
// cost of the event streams (a save with the page's stream open, a server holding 500), against none; auth: a
// signed-in GET's CPU against AUTH=none's.
const GROUPS = ['first-page', 'screens', 'browser', 'api', 'footprint', 'scale', 'liveness', 'typing', 'live', 'auth'] as const;
type Group = (typeof GROUPS)[number];

interface Options {
  json: boolean;
  check: boolean;
  markdown: boolean;
  quick: boolean;
  groups: Group[];
}

function optionsFrom(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
    strict: true,
  });
  const groups =
    values.only === undefined
      ? [...GROUPS]
      : values.only
          .split(',')
          .map((group) => group.trim())
          .filter(Boolean);
  const unknown = groups.filter((group) => !GROUPS.includes(group as Group));
  if (unknown.length || groups.length === 0) throw new Error(`--only takes some of ${GROUPS.join(',')}; got "${values.only}"`);
  return { json: values.json, check: values.check, markdown: values.markdown, quick: values.quick, groups: groups as Group[] };
}

async function databasesToUse(skipped: string[]): Promise<BenchDatabaseKind[]> {
  process.env.TEST_DATABASE_URL ??= DEFAULT_POSTGRES_URL;
  if (await postgresAnswers(process.env.TEST_DATABASE_URL)) return ['pglite', 'postgres'];
  const note = `PostgreSQL at ${process.env.TEST_DATABASE_URL} does not answer: its figures are skipped.`;
  console.log(note);
  skipped.push(note);
  return ['pglite'];
}

interface Settings {
  api: ApiSettings;
  footprint: FootprintSettings;
  screens: ScreensSettings;
  browser: BrowserSettings;
  scale: ScaleSettings;
  liveness: LivenessSettings;
  live: LiveSettings;
  typing: TypingSettings;
  auth: AuthSettings;
}

const settingsFor = (quick: boolean): Settings =>
  quick
    ? {
        api: { seconds: 1, repetitions: 1 },
        footprint: { starts: 1, loadSeconds: 1 },
        screens: { repetitions: 1 },
        browser: { visits: 1, savesPerVisit: 4 },
        scale: { apiRequests: 5, repetitions: 1 },
        liveness: { idleMs: 1_000, hammerMs: 3_000 },
        live: { saves: { visits: 1, savesPerVisit: 4 }, streams: 500, loadSeconds: 1, repetitions: 1 },
        typing: { visits: 1 },
        auth: { seconds: 1, repetitions: 2 },
      }
    : {
        api: { seconds: 2, repetitions: 3 },
        footprint: { starts: 3, loadSeconds: 2 },
        screens: { repetitions: 5 },
        browser: { visits: 4, savesPerVisit: 5 },
        scale: { apiRequests: 20, repetitions: 3 },
        liveness: { idleMs: 2_000, hammerMs: 6_000 },
        live: { saves: { visits: 4, savesPerVisit: 5 }, streams: 500, loadSeconds: 2, repetitions: 3 },
        typing: { visits: 3 },
        auth: { seconds: 3, repetitions: 5 },
      };

async function main(): Promise<void> {
  const options = optionsFrom(process.argv.slice(2));
  // Other work on the machine skews every timing: the load average goes with the results.
  const monitor = new LoadMonitor();
  const startedAt = new Date();
  const figures: Figure[] = [];
  const skipped: string[] = [];
  const wants = (group: Group) => options.groups.includes(group);
  const settings = settingsFor(options.quick);
  const step = (what: string) => console.log(`… ${what} (${((Date.now() - startedAt.getTime()) / 1_000).toFixed(0)} s)`);
  /** Runs a measurement and tags its figures with the load average seen meanwhile. */
  const timed = async (work: () => Promise<Figure[]>): Promise<void> => {
    const since = Date.now();
    const measured = await work();
    figures.push(...withLoad(measured, monitor.highestSince(since)));
  };

  step('building the web app and the server if needed');
  ensureBuilt();

  let liveSaves: LiveSaves | null = null;
  let liveSavesLoad = 0;
  if (wants('first-page') || wants('screens') || wants('browser') || wants('scale') || wants('typing') || wants('live')) {
    const floors = wants('screens') || wants('typing');
    step(`starting the app on the demo data${floors ? ', with the floor pages,' : ''} and Chromium`);
    const server = await startDemoServer({ floors });
    try {
      const chromium = await launchBrowser();
      try {
        if (wants('first-page')) {
          step('weight: what each screen fetches before it is usable');
          // Deterministic (bytes, not times): no load average beside them.
          figures.push(...weightFigures(await measureWeight(chromium, server)));
        }
        if (wants('screens')) {
          step('screens against their floor pages');
          await timed(async () => screenFigures(await measureScreens(chromium, server, settings.screens)));
        }
        if (wants('browser')) {
          step('Save → "Saved"');
          await timed(async () => saveFigures(await measureSaves(chromium, server, settings.browser)));
        }
        if (wants('typing')) {
          step('typing: keystrokes in the form and list row clicks against the React-only page');
          await timed(async () => typingFigures(await measureTyping(chromium, server, settings.typing)));
        }
        if (wants('scale')) {
          step('scale: 50, 500 and 5,000 integrations');
          await timed(async () => scaleFigures(await measureScale(chromium, server.baseUrl, settings.scale)));
        }
        if (wants('live')) {
          step('live: Save → "Saved" with the event stream open and without');
          const since = Date.now();
          liveSaves = await measureLiveSaves(chromium, server, settings.live.saves);
          liveSavesLoad = monitor.highestSince(since);
        }
      } finally {
        await chromium.close();
      }
    } finally {
      await server.stop();
    }
  }

  const kinds =
    wants('api') || wants('footprint') || wants('liveness') || wants('live') || wants('auth') ? await databasesToUse(skipped) : [];
  if (wants('api') || wants('footprint')) {
    const bareFootprint = wants('footprint') ? await measureBareFootprint(settings.footprint) : null;
    for (const kind of kinds) {
      const database: BenchDatabase = await createBenchDatabase(kind);
      try {
        let seeded: ApiMeasurement['bot'] | undefined;
        if (wants('api')) {
          step(`API on the ${database.label} database`);
          await timed(async () => {
            const measurement = await measureApi(database, settings.api);
            seeded = measurement.bot;
            return apiFigures(measurement);
          });
        }
        if (bareFootprint) {
          step(`footprint on the ${database.label} database`);
          await timed(async () => footprintFigures(database, await measureFootprint(database, settings.footprint, seeded), bareFootprint));
        }
      } finally {
        await database.destroy();
      }
    }
  }
  if (wants('auth')) {
    for (const kind of kinds) {
      const database = await createBenchDatabase(kind);
      try {
        step(`a signed-in GET against AUTH=none on the ${database.label} database`);
        await timed(async () => authFigures(await measureAuth(database, settings.auth)));
      } finally {
        await database.destroy();
      }
    }
  }
  if (wants('liveness')) {
    for (const kind of kinds) {
      const database = await createBenchDatabase(kind);
      try {
        step(`liveness while the biggest bots are read, on the ${database.label} database`);
        await timed(async () => livenessFigures(await measureLiveness(database, settings.liveness)));
      } finally {
        await database.destroy();
      }
    }
  }
  if (wants('live')) {
    const streams: LiveStreams[] = [];
    const since = Date.now();
    for (const kind of kinds) {
      const database = await createBenchDatabase(kind);
      try {
        step(`live: ${settings.live.streams} event streams open on one server, on the ${database.label} database`);
        streams.push(await measureLiveStreams(database, settings.live));
      } finally {
        await database.destroy();
      }
    }
    const streamsLoad = monitor.highestSince(since);
    for (const figure of liveFigures(liveSaves, streams))
      figures.push(...withLoad([figure], figure.group === 'live' ? liveSavesLoad : streamsLoad));
  }
  monitor.stop();

  const durationSeconds = (Date.now() - startedAt.getTime()) / 1_000;
  const cores = cpus().length;
  const busy = monitor.highest > cores ? ` — the load average rose above the ${cores} cores: read the ratios, not the times` : '';
  const load = `load average ${monitor.first.toFixed(1)} at the start, ${monitor.highest.toFixed(1)} at the highest${busy}`;
  console.log(
    `\nnpm run bench: ${options.groups.join(', ')} in ${durationSeconds.toFixed(0)} s on ${cores} cores, Node ${process.version}, ${load}\n`,
  );
  console.log(formatTable(figures, cores));
  if (options.markdown) console.log(`\n${formatMarkdown(figures, cores)}`);
  if (options.json) {
    const path = writeJson(
      join(root, 'bench', 'results'),
      {
        startedAt: startedAt.toISOString(),
        durationSeconds,
        groups: options.groups,
        machine: {
          cpus: cores,
          node: process.version,
          platform: process.platform,
          loadAverage: { start: monitor.first, end: monitor.highestSince(Date.now()), highest: monitor.highest },
        },
        skipped,
      },
      figures,
    );
    console.log(`\nFigures written to ${path}`);
  }
  const broken = brokenBudgets(figures);
  if (broken.length > 0) {
    console.log(`\n${broken.length} budget${broken.length === 1 ? '' : 's'} broken:`);
    for (const figure of broken)
      console.log(`  - ${figure.group}: ${figure.name} = ${figure.value.toFixed(1)} ${figure.unit} (goal ${formatGoal(figure)})`);
  }
  if (options.check && broken.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 2;
});
