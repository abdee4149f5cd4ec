import type { Browser, Page } from '@playwright/test';
import { elapsed, newMarkedPage, waitForMark } from './browser-session';
import { withRatio, type Figure } from './report';
import { median } from './stats';

export interface BrowserSettings {
  repetitions: number;
}

interface Sample {
  listShown: number;
  domContentLoaded: number;
  editorReady: number;
  formShown: number;
  saves: Array<{ saved: number; request: number }>;
}

const INTEGRATION = 'Escalation';

/** Duration of the last PUT the page made, from the browser's resource timing. */
function lastPutDuration(page: Page): Promise<number> {
  return page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const puts = entries.filter((entry) => entry.initiatorType === 'fetch' && /\/integrations\/[0-9a-f-]{36}$/.test(entry.name));
    const last = puts.at(-1);
    return last ? last.responseEnd - last.startTime : Number.NaN;
  });
}

async function oneVisit(browser: Browser, baseUrl: string, botId: string, saves: number): Promise<Sample> {
  const page = await newMarkedPage(browser, baseUrl);
  try {
    await page.goto(`/bots/${botId}/integrations`);
    const list = page.getByRole('navigation', { name: 'Integrations' });
    await list.getByRole('link', { name: new RegExp(`^${INTEGRATION}\\b`) }).waitFor();
    const shown = await waitForMark(page, 'listShown');

    await list.getByRole('link', { name: new RegExp(`^${INTEGRATION}\\b`) }).click();
    const form = page.locator('form.integration-form');
    await form.getByRole('textbox', { name: 'Transform Result Script' }).waitFor();
    const opened = await waitForMark(page, 'editorReady');

    const sample: Sample = {
      listShown: shown.listShown ?? Number.NaN,
      domContentLoaded: shown.domContentLoaded ?? Number.NaN,
      editorReady: elapsed(opened, 'openClick', 'editorReady'),
      formShown: elapsed(opened, 'openClick', 'formShown'),
      saves: [],
    };
    for (let index = 0; index < saves; index += 1) {
      await form.getByLabel('Message to User', { exact: true }).fill(`Hold on while I connect you with an agent (${Date.now()}).`);
      await page.getByTestId('dirty-status').getByText('Unsaved changes').waitFor();
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      const saved = await waitForMark(page, 'saved');
      await page.getByTestId('dirty-status').getByText('Unsaved changes').waitFor({ state: 'detached' });
      sample.saves.push({ saved: elapsed(saved, 'saveClick', 'saved'), request: await lastPutDuration(page) });
    }
    return sample;
  } finally {
    await page.context().close();
  }
}

/** Each repetition is a first visit (new context, empty cache): list, open the escalation, save it a few times. */
export async function measureBrowser(browser: Browser, baseUrl: string, botId: string, settings: BrowserSettings): Promise<Sample[]> {
  const samples: Sample[] = [];
  await oneVisit(browser, baseUrl, botId, 1); // warm the server and the OS file cache; not counted
  for (let index = 0; index < settings.repetitions; index += 1) samples.push(await oneVisit(browser, baseUrl, botId, 3));
  return samples;
}

export function browserFigures(samples: Sample[]): Figure[] {
  const saves = samples.flatMap((sample) => sample.saves);
  const pick = (values: number[]) => ({ value: median(values), samples: values.map((value) => Math.round(value)) });
  const list = pick(samples.map((sample) => sample.listShown));
  const editor = pick(samples.map((sample) => sample.editorReady));
  const saved = pick(saves.map((save) => save.saved));
  // The first save of a visit also loads the toast library: the median is over every save.
  return [
    withRatio({
      group: 'browser',
      name: 'navigation → integrations list visible',
      value: list.value,
      unit: 'ms',
      reference: { label: 'DOMContentLoaded', value: median(samples.map((sample) => sample.domContentLoaded)) },
      goal: { on: 'value', op: '<=', limit: 300 },
      note: `first visits, empty cache: ${list.samples.join(' / ')} ms`,
      samples: list.samples,
    }),
    withRatio({
      group: 'browser',
      name: 'open an integration → Monaco ready for typing',
      value: editor.value,
      unit: 'ms',
      reference: { label: 'form shown', value: median(samples.map((sample) => sample.formShown)) },
      goal: { on: 'value', op: '<=', limit: 1_000 },
      note: `first open per visit (Monaco not cached): ${editor.samples.join(' / ')} ms`,
      samples: editor.samples,
    }),
    withRatio({
      group: 'browser',
      name: 'click Save → "Saved" shown',
      value: saved.value,
      unit: 'ms',
      reference: { label: 'PUT request', value: median(saves.map((save) => save.request)) },
      goal: { on: 'value', op: '<=', limit: 50 },
      note: `${saves.length} saves: ${saved.samples.join(' / ')} ms`,
      samples: saved.samples,
    }),
  ];
}
