import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** Moments in the page, in ms since its navigation started (performance.now() / event.timeStamp). */
export interface Marks {
  domContentLoaded?: number;
  /** `/`: the bots' links are in the page. */
  botsShown?: number;
  /** The integrations list shows its rows (as many as `Expect.listRows`). */
  listShown?: number;
  /** The form for `Expect.formName` is in the page, every one of its controls enabled. */
  formUsable?: number;
  editorReady?: number;
  saveClick?: number;
  saved?: number;
  keydown?: number;
  keyFrame?: number;
  filtered?: number;
}

/** What the page must show before a mark is taken: the same for the app and its floor page. */
export interface Expect {
  listRows?: number;
  formName?: string;
}

declare global {
  interface Window {
    __benchMarks: Marks;
    __benchExpect: Expect;
  }
}

/**
 * Timing happens in the page, not in Playwright: a capture listener takes the user's event time, and a
 * MutationObserver (with a per-frame check behind it, for values set as properties) the moment the
 * awaited DOM is there, so protocol round-trips are not counted. The checks read only the DOM both
 * the app and the floor pages render: links in the Integrations navigation, a form.integration-form.
 */
function installMarks(expect: Expect): void {
  const marks: Marks = {};
  window.__benchMarks = marks;
  window.__benchExpect = expect;
  let toastsBeforeSave = new Set<Element>();
  const now = () => performance.now();
  const formUsable = (): boolean => {
    const form = document.querySelector('form.integration-form');
    const name = form?.querySelector<HTMLInputElement>('input[name="name"]');
    if (!form || !name || name.value !== expect.formName) return false;
    // Every field takes input: none disabled or read-only (Monaco, loaded after, is timed on its own).
    const controls = [
      ...form.querySelectorAll<HTMLElement>('input, select, textarea, [role="combobox"], [role="switch"], [role="checkbox"]'),
    ].filter((control) => (control as HTMLInputElement).type !== 'hidden' && !control.closest('[aria-hidden="true"], .monaco-editor'));
    return controls.every(
      (control) =>
        !(control as HTMLInputElement).disabled &&
        !(control as HTMLInputElement).readOnly &&
        control.getAttribute('aria-disabled') !== 'true',
    );
  };
  const check = () => {
    if (marks.botsShown === undefined && document.querySelector('a[href^="/bots/"][href$="/integrations"]')) marks.botsShown = now();
    if (
      marks.listShown === undefined &&
      document.querySelectorAll('nav[aria-label="Integrations"] li a').length >= (expect.listRows ?? 1)
    ) {
      marks.listShown = now();
    }
    if (marks.formUsable === undefined && expect.formName !== undefined && formUsable()) marks.formUsable = now();
    if (marks.editorReady === undefined && document.querySelector('.monaco-editor [aria-label="Transform Result Script"]'))
      marks.editorReady = now();
    if (marks.saveClick !== undefined && marks.saved === undefined) {
      const toasts = [...document.querySelectorAll('[data-sonner-toast]')];
      if (toasts.some((toast) => !toastsBeforeSave.has(toast) && toast.textContent?.includes('Saved'))) marks.saved = now();
    }
    if (
      marks.keydown !== undefined &&
      marks.filtered === undefined &&
      document.querySelector('nav[aria-label="Integrations"] ul[aria-label="1 integrations"]')
    ) {
      marks.filtered = now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  const everyFrame = () => {
    check();
    requestAnimationFrame(everyFrame);
  };
  requestAnimationFrame(everyFrame);
  document.addEventListener('DOMContentLoaded', () => {
    marks.domContentLoaded = now();
  });
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('button')?.textContent?.trim() === 'Save') {
        toastsBeforeSave = new Set(document.querySelectorAll('[data-sonner-toast]'));
        marks.saveClick = event.timeStamp;
        delete marks.saved;
      }
      check();
    },
    true,
  );
  document.addEventListener(
    'keydown',
    (event) => {
      if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'search') return;
      marks.keydown = event.timeStamp;
      delete marks.keyFrame;
      delete marks.filtered;
      // The frame after the keystroke: how long typing into the filter blocks the page.
      requestAnimationFrame(() => {
        marks.keyFrame = performance.now();
      });
    },
    true,
  );
}

export async function newMarkedPage(browser: Browser, baseUrl: string, expect: Expect = {}): Promise<Page> {
  // A new context per page: an empty HTTP cache, as for a first visit.
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  // tsx (esbuild) wraps named functions in __name(); the page has no such helper, so give it one.
  await context.addInitScript({ content: `var __name = (target) => target; (${installMarks.toString()})(${JSON.stringify(expect)});` });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  return page;
}

export const readMarks = (page: Page): Promise<Marks> => page.evaluate(() => ({ ...window.__benchMarks }));

/** Waits until the page has set a mark, and returns all of them. */
export async function waitForMark(page: Page, mark: keyof Marks, timeout = 60_000): Promise<Marks> {
  await page.waitForFunction((name) => window.__benchMarks[name as keyof Marks] !== undefined, mark, { timeout });
  return readMarks(page);
}

/** A mark as wall-clock time (ms since 1970), to compare with the network log's request start times. */
export const epochOf = (page: Page, mark: keyof Marks): Promise<number> =>
  page.evaluate((name) => performance.timeOrigin + (window.__benchMarks[name as keyof Marks] ?? Number.NaN), mark);

export const elapsed = (marks: Marks, from: keyof Marks, to: keyof Marks): number => {
  const start = marks[from];
  const end = marks[to];
  if (start === undefined || end === undefined) throw new Error(`no ${start === undefined ? from : to} mark`);
  return end - start;
};
