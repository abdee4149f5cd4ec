import type { Browser } from '@playwright/test';
import { newMarkedPage, waitForMark, type Expect, type Marks } from './browser-session';
import type { DemoServer } from './demo-server';
import { withRatio, type Figure } from './report';
import { median } from './stats';

export interface ScreensSettings {
  /** Visits of each page for the list and Monaco; each form gets fewer (there are six of them). */
  repetitions: number;
}

interface Comparison {
  name: string;
  floorLabel: string;
  /** The budget on app ÷ floor; null for a figure that only explains (the React-only page). */
  limit: number | null;
  app: number[];
  floor: number[];
}

/** Navigation start → the mark, on a first visit (new context, empty cache). */
async function timeVisit(browser: Browser, baseUrl: string, path: string, expect: Expect, mark: keyof Marks): Promise<number> {
  const page = await newMarkedPage(browser, baseUrl, expect);
  try {
    await page.goto(path);
    return (await waitForMark(page, mark))[mark]!;
  } finally {
    await page.context().close();
  }
}

/**
 * The app's page and its floor page, visited in turn (the order swapped every repetition), so a busy
 * moment of the machine lands on both alike. One visit of each first, not counted, warms the server.
 */
async function compare(
  browser: Browser,
  baseUrl: string,
  pages: { app: string; floor: string },
  expect: Expect,
  mark: keyof Marks,
  repetitions: number,
): Promise<{ app: number[]; floor: number[] }> {
  const times = { app: [] as number[], floor: [] as number[] };
  await timeVisit(browser, baseUrl, pages.app, expect, mark);
  await timeVisit(browser, baseUrl, pages.floor, expect, mark);
  for (let index = 0; index < repetitions; index += 1) {
    const order = index % 2 === 0 ? (['app', 'floor'] as const) : (['floor', 'app'] as const);
    for (const side of order) times[side].push(await timeVisit(browser, baseUrl, pages[side], expect, mark));
  }
  return times;
}

export async function measureScreens(browser: Browser, server: DemoServer, settings: ScreensSettings): Promise<Comparison[]> {
  const panel = `/bots/${server.botId}/integrations`;
  const listRows = server.integrations.length;
  const results: Comparison[] = [];
  // The floor of each screen is the same page drawn by React and nothing else: the stack is fixed, so what
  // the panel may add is measured above React's own cost (issue 24: within 1.25 of it).
  const list = await compare(
    browser,
    server.baseUrl,
    { app: panel, floor: server.floor('react') },
    { listRows },
    'listShown',
    settings.repetitions,
  );
  results.push({ name: 'integrations list: navigation → rows visible', floorLabel: 'React-only page', limit: 1.25, ...list });
  const formRepetitions = Math.max(1, Math.ceil(settings.repetitions / 2));
  for (const integration of server.integrations) {
    const expect = { listRows, formName: integration.name };
    const pages = { app: `${panel}/${integration.id}`, floor: server.floor('react', integration.id) };
    const form = await compare(browser, server.baseUrl, pages, expect, 'formUsable', formRepetitions);
    results.push({
      name: `form ${integration.type}: navigation → every field takes input`,
      floorLabel: 'React-only page',
      limit: 1.25,
      ...form,
    });
  }
  // How much React alone costs above the plain page: explains the floor, no goal.
  const reactList = await compare(
    browser,
    server.baseUrl,
    { app: server.floor('react'), floor: server.floor('list') },
    { listRows },
    'listShown',
    settings.repetitions,
  );
  results.push({ name: 'integrations list: React-only page (no goal)', floorLabel: 'floor page', limit: null, ...reactList });
  const scripted = server.integrations.find((integration) => integration.type === 'LIVEPERSON_AGENT_ESCALATION') ?? server.integrations[0]!;
  const pages = { app: `${panel}/${scripted.id}`, floor: server.floor('monaco', scripted.id) };
  const monaco = await compare(browser, server.baseUrl, pages, {}, 'editorReady', settings.repetitions);
  results.push({
    name: `form ${scripted.type}: navigation → Monaco ready for typing`,
    floorLabel: 'Monaco-only page',
    limit: 1.3,
    ...monaco,
  });
  return results;
}

const rounded = (values: number[]) => values.map((value) => Math.round(value)).join(' / ');

export function screenFigures(comparisons: Comparison[]): Figure[] {
  return comparisons.map(({ name, floorLabel, limit, app, floor }) =>
    withRatio({
      group: 'screens',
      name,
      value: median(app),
      unit: 'ms',
      reference: { label: floorLabel, value: median(floor) },
      ...(limit === null ? {} : { goal: { on: 'ratio' as const, op: '<=' as const, limit } }),
      note: `${limit === null ? 'React-only page' : 'app'} ${rounded(app)} ms; ${floorLabel} ${rounded(floor)} ms`,
      samples: app,
    }),
  );
}
