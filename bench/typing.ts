// Typing in the form and clicking a list row (issue 32): Event Timing for each keystroke and click, in the
// app and in a React-only floor page drawing the same form and rows with plain controlled inputs, in the
// same run. The bot holds 500 integrations, one of them an API integration with 100 custom data rows.
import type { Browser, Page } from '@playwright/test';
import { anIntegrationInput } from '../src/domain/samples';
import { newMarkedPage, waitForMark } from './browser-session';
import type { DemoServer } from './demo-server';
import { FLOOR_PATH } from './floor-root';
import { withRatio, type Figure } from './report';
import { importBot } from './seed';
import { median, percentile, sleep } from './stats';

export interface TypingSettings {
  /** Visits of each page (app and floor in turn); each visit types 10 keystrokes in each field and clicks 4 rows. */
  visits: number;
}

const INTEGRATIONS = 500;
const ROWS = 100;
const FORM_NAME = 'Orders';
/** The bot both the bench and `bench/profile-typing.ts` type in. */
export const TYPING_BOT = { name: 'Typing bench', integrations: INTEGRATIONS, formName: FORM_NAME } as const;
const KEYS = 'abcdefghij';
/** Chromium runs the pages 4× slower (as Lighthouse does), so a keystroke's events pass Event Timing's 16 ms threshold. */
const CPU_SLOWDOWN = 4;
/** Event Timing reports no event under 16 ms: one that is not reported counts as 16. */
const EVENT_TIMING_THRESHOLD = 16;

/** What one keystroke or click cost: the longest of its events (to the next paint) and the time in its listeners. */
interface Sample {
  duration: number;
  listener: number;
}

type Action = 'name' | 'row80' | 'click';
type Side = 'app' | 'floor';
type Samples = Record<Action, Record<Side, Sample[]>>;

/** An API integration whose rows read its own result, another integration's, or a path outside braces. */
export function ordersIntegration() {
  return anIntegrationInput('API', {
    name: FORM_NAME,
    responseDataVariable: FORM_NAME,
    customDataFields: Array.from({ length: ROWS }, (_, index) => ({
      key: `field${index + 1}`,
      value:
        index % 10 === 3
          ? `{$.api_Billing.total${index}}`
          : index % 10 === 7
            ? `$.api_Orders.raw${index}`
            : `{$.api_Orders.items[${index}].id}`,
    })),
  });
}

/**
 * In the page, before its scripts: every event's Event Timing entry, and the time each event spent in
 * listeners (from a window capture listener, before any of the page's, to a window bubble listener, after
 * them), which Event Timing reports only for events over its threshold.
 */
function installEventTiming(): void {
  type Listened = { type: string; start: number; end: number };
  const state = { entries: [] as PerformanceEventTiming[], listened: [] as Listened[] };
  (window as unknown as { __typing: typeof state }).__typing = state;
  new PerformanceObserver((list) => state.entries.push(...(list.getEntries() as PerformanceEventTiming[]))).observe({
    type: 'event',
    durationThreshold: 16,
    buffered: true,
  } as PerformanceObserverInit);
  const open = new Map<string, Listened>();
  for (const type of [
    'keydown',
    'keypress',
    'beforeinput',
    'input',
    'keyup',
    'pointerdown',
    'mousedown',
    'pointerup',
    'mouseup',
    'click',
  ]) {
    window.addEventListener(
      type,
      () => {
        const listened = { type, start: performance.now(), end: Number.NaN };
        open.set(type, listened);
        state.listened.push(listened);
      },
      true,
    );
    window.addEventListener(type, () => {
      const listened = open.get(type);
      if (listened) listened.end = performance.now();
    });
  }
}

/** The events that began after `since`, as one sample. */
function collect(page: Page, since: number): Promise<Sample> {
  return page.evaluate(
    ({ since, threshold }) => {
      const state = (
        window as unknown as { __typing: { entries: PerformanceEventTiming[]; listened: { type: string; start: number; end: number }[] } }
      ).__typing;
      const entries = state.entries.filter((entry) => entry.startTime >= since);
      const listened = state.listened.filter((event) => event.start >= since);
      // A listener that stopped the event's propagation leaves no end: its Event Timing entry, if any, says it.
      const listener = listened.reduce((sum, event) => {
        if (!Number.isNaN(event.end)) return sum + event.end - event.start;
        const entry = entries.find((candidate) => candidate.name === event.type);
        return sum + (entry ? entry.processingEnd - entry.processingStart : 0);
      }, 0);
      const duration = Math.max(threshold, ...entries.map((entry) => entry.duration));
      return { duration, listener };
    },
    { since, threshold: EVENT_TIMING_THRESHOLD },
  );
}

const now = (page: Page) => page.evaluate(() => performance.now());

async function typeInto(page: Page, label: string, samples: Sample[]): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await sleep(300);
  for (const key of KEYS) {
    const since = await now(page);
    await page.keyboard.press(key);
    // Two frames and what a keystroke defers (warnings judged after its frame) are over well within this.
    await sleep(250);
    samples.push(await collect(page, since));
  }
}

async function formShows(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (expected) => document.querySelector<HTMLInputElement>('form.integration-form input[name="name"]')?.value === expected,
    name,
  );
}

/** One visit: four list rows clicked (the last back to the form), then ten keystrokes in the name and in row 80's value. */
async function visit(browser: Browser, baseUrl: string, path: string, side: Side, samples: Samples): Promise<void> {
  const page = await newMarkedPage(browser, baseUrl, { formName: FORM_NAME });
  try {
    await page.context().addInitScript({ content: `var __name = (target) => target; (${installEventTiming.toString()})();` });
    await page.goto(path);
    await waitForMark(page, 'formUsable');
    // The app loads Monaco once the form is usable, and its optional parts once the screen has settled: both are over before the first event.
    // (The app's live events stream keeps the network busy: no "network idle" to wait for.)
    if (side === 'app') await waitForMark(page, 'editorReady');
    await sleep(2_000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const rows = page.locator('nav[aria-label="Integrations"] li a');
    for (const index of [1, 2, 3, 0]) {
      const row = rows.nth(index);
      const name = (await row.locator('.integration-item__name').textContent())?.trim() ?? '';
      const since = await now(page);
      await row.click();
      await formShows(page, name);
      await sleep(300);
      samples.click[side].push(await collect(page, since));
      // The app's new form starts its editor: let that pass before the next event.
      await sleep(side === 'app' ? 2_000 : 300);
    }
    await typeInto(page, 'Integration Name', samples.name[side]);
    await typeInto(page, 'Value 80', samples.row80[side]);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  } finally {
    await page.context().close();
  }
}

export async function measureTyping(browser: Browser, server: DemoServer, settings: TypingSettings): Promise<Samples> {
  const botId = await importBot(server.baseUrl, TYPING_BOT.name, INTEGRATIONS, [ordersIntegration()]);
  const list = await fetch(`${server.baseUrl}/api/bots/${botId}/integrations?limit=${INTEGRATIONS}`);
  const { items } = (await list.json()) as { items: { id: string; name: string }[] };
  const orders = items.find((item) => item.name === FORM_NAME);
  if (!orders) throw new Error(`no ${FORM_NAME} integration in the seeded bot`);
  const paths: Record<Side, string> = {
    app: `/bots/${botId}/integrations/${orders.id}`,
    floor: `${FLOOR_PATH}/typing/index.html?bot=${botId}&id=${orders.id}`,
  };
  const samples: Samples = { name: { app: [], floor: [] }, row80: { app: [], floor: [] }, click: { app: [], floor: [] } };
  for (let index = 0; index < settings.visits; index += 1) {
    const order: Side[] = index % 2 === 0 ? ['app', 'floor'] : ['floor', 'app'];
    for (const side of order) await visit(browser, server.baseUrl, paths[side], side, samples);
  }
  return samples;
}

const ACTIONS: Record<Action, string> = {
  name: `typing in Integration Name (${ROWS} custom data rows)`,
  row80: `typing in custom data row 80 (${ROWS} rows)`,
  click: `list row click (${INTEGRATIONS} integrations)`,
};

const spread = (values: number[]) => `p50 ${median(values).toFixed(1)}, p90 ${percentile(values, 90).toFixed(1)}`;

export function typingFigures(samples: Samples): Figure[] {
  return (Object.keys(ACTIONS) as Action[]).flatMap((action) => {
    const { app, floor } = samples[action];
    const listener = (side: Sample[]) => side.map((sample) => sample.listener);
    const duration = (side: Sample[]) => side.map((sample) => sample.duration);
    const what = action === 'click' ? 'click' : 'keystroke';
    return [
      withRatio({
        group: 'typing',
        name: `${ACTIONS[action]}: time in listeners per ${what}, median`,
        value: median(listener(app)),
        unit: 'ms',
        reference: { label: 'React-only page', value: median(listener(floor)) },
        goal: { on: 'ratio', op: '<=', limit: 1.5 },
        note: `app ${spread(listener(app))} ms; React-only page ${spread(listener(floor))} ms; CPU ×${CPU_SLOWDOWN} slower`,
        samples: listener(app),
      }),
      withRatio({
        group: 'typing',
        name: `${ACTIONS[action]}: event duration (to the next paint) per ${what}, p90`,
        value: percentile(duration(app), 90),
        unit: 'ms',
        reference: { label: 'React-only page', value: percentile(duration(floor), 90) },
        goal: { on: 'ratio', op: '<=', limit: 1.2 },
        note: `app ${spread(duration(app))} ms; React-only page ${spread(duration(floor))} ms (Event Timing: 8 ms steps, none under ${EVENT_TIMING_THRESHOLD})`,
        samples: duration(app),
      }),
    ];
  });
}
