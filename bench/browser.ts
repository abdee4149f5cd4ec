import type { Browser, Page } from '@playwright/test';
import { elapsed, newMarkedPage, waitForMark } from './browser-session';
import type { DemoServer } from './demo-server';
import type { Figure } from './report';
import { median, percentile } from './stats';

export interface BrowserSettings {
  visits: number;
  savesPerVisit: number;
}

export interface Save {
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

interface SaveOptions {
  /** false: the page's live event stream never opens (its request waits, unanswered, until the page goes). */
  eventStream: boolean;
  /** One uncounted visit first, to warm the server and the OS file cache. */
  warm: boolean;
}

/** Makes the page's fetch of its event stream wait forever: no stream, and no reconnect attempts either. */
function withoutEventStream(): void {
  const fetchOf = window.fetch.bind(window);
  window.fetch = (input, init) =>
    /\/api\/bots\/[^/]+\/events(\?|$)/.test(String(input instanceof Request ? input.url : input))
      ? new Promise<Response>((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))),
        )
      : fetchOf(input, init);
}

async function oneVisit(browser: Browser, server: DemoServer, saves: number, eventStream = true): Promise<Save[]> {
  const integration = server.integrations.find((item) => item.type === 'LIVEPERSON_AGENT_ESCALATION') ?? server.integrations[0]!;
  const page = await newMarkedPage(browser, server.baseUrl, { listRows: server.integrations.length, formName: integration.name });
  try {
    if (!eventStream) await page.addInitScript(withoutEventStream);
    await page.goto(`/bots/${server.botId}/integrations/${integration.id}`);
    // The user saves a form whose editor is there: Monaco loading is not what this figure is about.
    await waitForMark(page, 'editorReady');
    const form = page.locator('form.integration-form');
    // Not the name: the demo's dialogs use the integration, so a new name goes through the rename preview.
    const message = form.getByRole('textbox', { name: /^Message to User/ });
    const original = await message.inputValue();
    const results: Save[] = [];
    for (let index = 0; index < saves; index += 1) {
      await message.fill(`${original}${index % 2 === 0 ? '.' : ''}`);
      await page.getByTestId('dirty-status').getByText('Unsaved changes').waitFor();
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      const saved = await waitForMark(page, 'saved');
      await page.getByTestId('dirty-status').getByText('Unsaved changes').waitFor({ state: 'detached' });
      results.push({ saved: elapsed(saved, 'saveClick', 'saved'), request: await lastPutDuration(page) });
    }
    // Back to its text, so the demo data is as it was for whatever runs next.
    if (saves % 2 === 1) {
      await message.fill(original);
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      await waitForMark(page, 'saved');
    }
    return results;
  } finally {
    await page.context().close();
  }
}

/** First visits to the escalation's form (new context, empty cache), each saving it a few times. */
export async function measureSaves(
  browser: Browser,
  server: DemoServer,
  settings: BrowserSettings,
  options: SaveOptions = { eventStream: true, warm: true },
): Promise<Save[]> {
  if (options.warm) await oneVisit(browser, server, 1, options.eventStream);
  const saves: Save[] = [];
  for (let index = 0; index < settings.visits; index += 1)
    saves.push(...(await oneVisit(browser, server, settings.savesPerVisit, options.eventStream)));
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
