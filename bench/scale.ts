import type { Browser } from '@playwright/test';
import { elapsed, newMarkedPage, waitForMark } from './browser-session';
import { withRatio, type Figure } from './report';
import { importBot, integrationName } from './seed';
import { median } from './stats';

const SIZES = [50, 500, 5_000] as const;
// The panel's first request: the list's page size (INTEGRATIONS_PAGE_SIZE in src/domain/first-reads.ts).
const PANEL_PAGE = 500;

export interface ScaleSettings {
  apiRequests: number;
  repetitions: number;
}

interface SizeSample {
  size: number;
  listApi: number[];
  filterApi: number[];
  firstRender: number[];
  keyFrame: number[];
  filtered: number[];
}

async function timedGets(url: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const begin = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    times.push(performance.now() - begin);
  }
  return times;
}

/** One bot per size, seeded through the API; then the list in the API and the panel in the browser. */
export async function measureScale(browser: Browser, baseUrl: string, settings: ScaleSettings): Promise<SizeSample[]> {
  const samples: SizeSample[] = [];
  const target = integrationName(42);
  for (const size of SIZES) {
    const botId = await importBot(baseUrl, `Scale ${size}`, size);
    const list = `${baseUrl}/api/bots/${botId}/integrations?limit=${PANEL_PAGE}`;
    const listApi = await timedGets(list, settings.apiRequests);
    const filterApi = await timedGets(`${list}&q=${target}`, settings.apiRequests);

    const renders: number[] = [];
    const frames: number[] = [];
    const filters: number[] = [];
    for (let index = 0; index < settings.repetitions; index += 1) {
      const page = await newMarkedPage(browser, baseUrl);
      try {
        await page.goto(`/bots/${botId}/integrations`);
        const nav = page.getByRole('navigation', { name: 'Integrations' });
        await nav.getByRole('link', { name: new RegExp(`^${integrationName(0)}\\b`) }).waitFor();
        renders.push((await waitForMark(page, 'listShown')).listShown ?? Number.NaN);

        // Ten names match the prefix; the last keystroke leaves exactly one.
        const filter = nav.getByLabel('Filter integrations');
        await filter.fill(target.slice(0, -1));
        await nav.getByRole('list', { name: '10 integrations' }).waitFor();
        await filter.press(target.at(-1)!);
        await nav.getByRole('list', { name: '1 integrations' }).waitFor();
        await waitForMark(page, 'filtered');
        // The filtered rows can be in the page before the keystroke's next frame is drawn: wait for both.
        const marks = await waitForMark(page, 'keyFrame');
        frames.push(elapsed(marks, 'keydown', 'keyFrame'));
        filters.push(elapsed(marks, 'keydown', 'filtered'));
      } finally {
        await page.context().close();
      }
    }
    samples.push({ size, listApi, filterApi, firstRender: renders, keyFrame: frames, filtered: filters });
  }
  return samples;
}

const FIGURES: Array<{ key: Exclude<keyof SizeSample, 'size'>; name: string; note?: string; goal?: (size: number) => Figure['goal'] }> = [
  { key: 'listApi', name: `API list page (limit ${PANEL_PAGE})` },
  { key: 'filterApi', name: 'API list filtered by name' },
  {
    key: 'firstRender',
    name: 'panel first render (navigation → first row)',
    // The list must not cost more to open as it grows: at 5,000 against the same screen at 50.
    goal: (size) => (size === SIZES.at(-1) ? { on: 'ratio', op: '<=', limit: 1.2 } : undefined),
  },
  { key: 'keyFrame', name: 'filter keystroke → next frame' },
  { key: 'filtered', name: 'filter keystroke → filtered list', goal: () => ({ on: 'value', op: '<=', limit: 100 }) },
];

/** Each figure at 50, 500 and 5,000 integrations; the ratio is the growth from 50. */
export function scaleFigures(samples: SizeSample[]): Figure[] {
  const base = samples.find((sample) => sample.size === SIZES[0]);
  return FIGURES.flatMap(({ key, name, note, goal }) =>
    samples.map((sample) => {
      const target = goal?.(sample.size);
      return withRatio({
        group: 'scale',
        name: `${name}, ${sample.size.toLocaleString('en-US')}`,
        value: median(sample[key]),
        unit: 'ms',
        ...(base && sample !== base ? { reference: { label: `at ${SIZES[0]}`, value: median(base[key]) } } : {}),
        ...(target ? { goal: target } : {}),
        ...(note && sample === base ? { note } : {}),
        samples: sample[key],
      });
    }),
  );
}
