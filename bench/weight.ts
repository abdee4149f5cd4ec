import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Request } from '@playwright/test';
import { epochOf, newMarkedPage, waitForMark, type Expect, type Marks } from './browser-session';
import type { DemoServer } from './demo-server';
import type { Figure } from './report';
import { root } from './server-process';
import { sleep } from './stats';

const dist = join(root, 'dist');
// Strings found only in Monaco's own code (its CSS class, its worker hook, its module paths), and its files' names.
const MONACO_MARKERS = /MonacoEnvironment|monaco-editor|vs\/editor\//;
const MONACO_FILES = /^(monaco-setup|editor\.api|workers|script-editor)-|\.worker-/;

interface FetchedFile {
  path: string;
  gzipBytes: number;
  /** What travelled (the server sends br or gzip): for the note, not the budget. */
  wireBytes: number;
  monaco: boolean;
  beforeUsable: boolean;
}

interface ScreenWeight {
  screen: string;
  path: string;
  /** The budget: KB of gzip JS before the screen is usable. */
  limitKb: number;
  form: boolean;
  files: FetchedFile[];
}

interface Screen {
  screen: string;
  path: string;
  limitKb: number;
  expect: Expect;
  mark: keyof Marks;
}

/** Every screen but the Dialogs diagram: at most this much gzip JS before it is usable (issue 24). */
const WEIGHT_LIMIT_KB = 160;

/** `/`, the list, and the form of one integration of each type, each opened by a deep link. */
function weightScreens(server: DemoServer): Screen[] {
  const panel = `/bots/${server.botId}/integrations`;
  return [
    { screen: '/', path: '/', limitKb: WEIGHT_LIMIT_KB, expect: {}, mark: 'botsShown' },
    {
      screen: 'integrations list',
      path: panel,
      limitKb: WEIGHT_LIMIT_KB,
      expect: { listRows: server.integrations.length },
      mark: 'listShown',
    },
    ...server.integrations.map((integration) => ({
      screen: `form ${integration.type}`,
      path: `${panel}/${integration.id}`,
      limitKb: WEIGHT_LIMIT_KB,
      expect: { listRows: server.integrations.length, formName: integration.name },
      mark: 'formUsable' as const,
    })),
  ];
}

async function describe(request: Request, usableAt: number): Promise<FetchedFile> {
  const path = new URL(request.url()).pathname;
  // The exact bytes the server sends (before its compression), gzipped here: a figure that does not move.
  const content = path.startsWith('/assets/') ? readFileSync(join(dist, path)) : await (await request.response())!.body();
  const wireBytes = (await request.sizes().catch(() => ({ responseBodySize: content.length }))).responseBodySize;
  return {
    path,
    gzipBytes: gzipSync(content, { level: 9 }).length,
    wireBytes,
    monaco: MONACO_FILES.test(path.slice(path.lastIndexOf('/') + 1)) || MONACO_MARKERS.test(content.toString('utf8')),
    beforeUsable: request.timing().startTime <= usableAt,
  };
}

/**
 * Until a second passes with no new request (workers start a while after the editor shows). Not Playwright's
 * networkidle: the bot's live event stream stays open as long as the page, so the network is never idle.
 */
async function settle(page: Page, requests: Request[]): Promise<void> {
  await page.waitForLoadState('load');
  for (let seen = -1, round = 0; seen !== requests.length && round < 15; round += 1) {
    seen = requests.length;
    await sleep(1_000);
  }
  await Promise.all(requests.map((request) => request.response().catch(() => null)));
}

/**
 * Chromium's own network log of a first visit (new context, empty cache): every script it requested,
 * split by whether the request started before the screen was usable (the page's mark, as wall-clock
 * time). After that moment the visit goes on until the network is quiet (and, on a form, until Monaco
 * is ready), so whatever the screen loads later, Monaco above all, is seen and counted apart.
 */
export async function measureWeight(browser: Browser, server: DemoServer): Promise<ScreenWeight[]> {
  const results: ScreenWeight[] = [];
  for (const { screen, path, limitKb, expect, mark } of weightScreens(server)) {
    const page = await newMarkedPage(browser, server.baseUrl, expect);
    try {
      const requests: Request[] = [];
      page.context().on('request', (request) => requests.push(request));
      await page.goto(path);
      await waitForMark(page, mark);
      const usableAt = await epochOf(page, mark);
      const form = mark === 'formUsable';
      if (form) await waitForMark(page, 'editorReady');
      await settle(page, requests);
      const scripts = requests.filter((request) => new URL(request.url()).pathname.endsWith('.js'));
      const files = await Promise.all(scripts.map((request) => describe(request, usableAt)));
      results.push({ screen, path, limitKb, form, files });
    } finally {
      await page.context().close();
    }
  }
  return results;
}

const kilobytes = (bytes: number) => bytes / 1024;
const sum = (files: FetchedFile[], key: 'gzipBytes' | 'wireBytes') => files.reduce((total, file) => total + file[key], 0);
const name = (file: FetchedFile) => file.path.replace(/^\/assets\//, '');

export function weightFigures(weights: ScreenWeight[]): Figure[] {
  return weights.flatMap(({ screen, limitKb, form, files }) => {
    const before = files.filter((file) => file.beforeUsable);
    const after = files.filter((file) => !file.beforeUsable);
    const monacoBefore = before.filter((file) => file.monaco);
    const largest = [...before].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 3);
    const group = `weight ${screen}`;
    return [
      {
        group,
        name: `JS before usable, gzip (${before.length} files)`,
        value: kilobytes(sum(before, 'gzipBytes')),
        unit: 'KB',
        goal: { on: 'value', op: '<=', limit: limitKb },
        note: `${kilobytes(sum(before, 'wireBytes')).toFixed(1)} KB on the wire${monacoBefore.length ? `; ${kilobytes(sum(monacoBefore, 'gzipBytes')).toFixed(0)} KB of it Monaco's` : ''}; largest ${largest.map((file) => `${name(file)} ${kilobytes(file.gzipBytes).toFixed(1)}`).join(', ')} KB`,
      },
      {
        group,
        name: 'Monaco files before usable',
        value: monacoBefore.length,
        unit: 'files',
        goal: { on: 'value', op: '<=', limit: 0 },
        ...(monacoBefore.length ? { note: monacoBefore.map(name).join(', ') } : {}),
      },
      ...(form || after.length
        ? [
            {
              group,
              name: `JS after usable${form ? ', Monaco and its workers' : ''}, gzip (${after.length} files, no goal)`,
              value: kilobytes(sum(after, 'gzipBytes')),
              unit: 'KB',
              ...(after.length
                ? { note: `${kilobytes(sum(after, 'wireBytes')).toFixed(0)} KB on the wire: ${after.map(name).join(', ')}` }
                : {}),
            },
          ]
        : []),
    ];
  });
}
