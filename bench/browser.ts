import type { Browser, Page } from '@playwright/test';
import { elapsed, newMarkedPage, waitForMark } from './browser-session';
import type { DemoServer } from './demo-server';
import type { Figure } from './report';
import { median, percentile } from './stats';

export interface BrowserSettings {
  visits: number;
  savesPerVisit: number;
}

interface Save {
  /** Click on Save → "Saved" shown. */
  saved: number;
  /** The PUT the save sent, request start → response end (the browser's resource timing). */
  request: number;
}

/** Duration of the last PUT the page made, from the browser's resource timing. */
function lastPutDuration(page: Page): Promise<number> {
  return page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const puts = entries.filter((entry) => entry.initiatorType === 'fetch' && /\/integrations\/[0-9a-f-]{36}$/.test(entry.name));
    const last = puts.at(-1);
    return last ? last.responseEnd - last.startTime : Number.NaN;
  });
}

async function oneVisit(browser: Browser, server: DemoServer, saves: number): Promise<Save[]> {
  const integration = server.integrations.find((item) => item.type === 'LIVEPERSON_AGENT_ESCALATION') ?? server.integrations[0]!;
  const page = await newMarkedPage(browser, server.baseUrl, { listRows: server.integrations.length, formName: integration.name });
  try {
    await page.goto(`/bots/${server.botId}/integrations/${integration.id}`);
    // The user saves a form whose editor is there: Monaco loading is not what this figure is about.
    await waitForMark(page, 'editorReady');
    const form = page.locator('form.integration-form');
    const results: Save[] = [];
    for (let index = 0; index < saves; index += 1) {
      await form.locator('input[name="name"]').fill(`${integration.name}${index % 2 === 0 ? '_' : ''}`);
      await page.getByTestId('dirty-status').getByText('Unsaved changes').waitFor();
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      const saved = await waitForMark(page, 'saved');
      await page.getByTestId('dirty-status').getByText('Unsaved changes').waitFor({ state: 'detached' });
      results.push({ saved: elapsed(saved, 'saveClick', 'saved'), request: await lastPutDuration(page) });
    }
    // Back to its name, so the demo data is as it was for whatever runs next.
    if (saves % 2 === 1) {
      await form.locator('input[name="name"]').fill(integration.name);
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      await waitForMark(page, 'saved');
    }
    return results;
  } finally {
    await page.context().close();
  }
}

/** First visits to the escalation's form (new context, empty cache), each saving it a few times. */
export async function measureSaves(browser: Browser, server: DemoServer, settings: BrowserSettings): Promise<Save[]> {
  await oneVisit(browser, server, 1); // warm the server and the OS file cache; not counted
  const saves: Save[] = [];
  for (let index = 0; index < settings.visits; index += 1) saves.push(...(await oneVisit(browser, server, settings.savesPerVisit)));
  return saves;
}

const rounded = (values: number[]) => values.map((value) => Math.round(value)).join(' / ');

/** What a save costs beyond its own PUT, save by save: the median and the 90th percentile. */
export function saveFigures(saves: Save[]): Figure[] {
  const overhead = saves.map((save) => save.saved - save.request);
  const put = median(saves.map((save) => save.request));
  const facts = `${saves.length} saves; click → "Saved" ${rounded(saves.map((save) => save.saved))} ms; PUT ${rounded(saves.map((save) => save.request))} ms`;
  return [
    {
      group: 'save',
      name: 'click Save → "Saved" shown, beyond its PUT (median)',
      value: median(overhead),
      unit: 'ms',
      reference: { label: 'PUT round trip', value: put },
      goal: { on: 'value', op: '<=', limit: 16 },
      note: facts,
      samples: overhead,
    },
    {
      group: 'save',
      name: 'click Save → "Saved" shown, beyond its PUT (p90)',
      value: percentile(overhead, 90),
      unit: 'ms',
      reference: { label: 'PUT round trip', value: put },
      goal: { on: 'value', op: '<=', limit: 50 },
      samples: overhead,
    },
  ];
}
