import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';


export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** Moments in the page, in ms since its navigation started (performance.now() / event.timeStamp). */
export interface Marks {
  domContentLoaded?: number;
  listShown?: number;
  openClick?: number;
  formShown?: number;
  editorReady?: number;
  saveClick?: number;
  saved?: number;
  keydown?: number;
  keyFrame?: number;
  filtered?: number;
}

declare global {
  interface Window {
    __benchMarks: Marks;
  }
}

/**
 * Timing happens in the page, not in Playwright: a capture listener takes the user's event time and a
 * MutationObserver the moment the awaited DOM appears, so the protocol round-trips are not counted.
 * Playwright still drives the page and waits by role and label, as e2e/ does.
 */
function installMarks(): void {
  const marks: Marks = {};
  window.__benchMarks = marks;
  let toastsBeforeSave = new Set<Element>();
  const now = () => performance.now();
  const check = () => {
    if (marks.listShown === undefined && document.querySelector('nav[aria-label="Integrations"] li a')) marks.listShown = now();
    if (marks.openClick !== undefined) {
      if (marks.formShown === undefined && document.querySelector('#integration-form-title')) marks.formShown = now();
      if (marks.editorReady === undefined && document.querySelector('.monaco-editor [aria-label="Transform Result Script"]')) marks.editorReady = now();
    }
    if (marks.saveClick !== undefined && marks.saved === undefined) {
      const toasts = [...document.querySelectorAll('[data-sonner-toast]')];
      if (toasts.some((toast) => !toastsBeforeSave.has(toast) && toast.textContent?.includes('Saved'))) marks.saved = now();
    }
    if (marks.keydown !== undefined && marks.filtered === undefined && document.querySelector('nav[aria-label="Integrations"] ul[aria-label="1 integrations"]')) {
      marks.filtered = now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  document.addEventListener('DOMContentLoaded', () => {
    marks.domContentLoaded = now();
  });
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('nav[aria-label="Integrations"] li a')) {
        marks.openClick = event.timeStamp;
        delete marks.formShown;
        delete marks.editorReady;
      }
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

export async function newMarkedPage(browser: Browser, baseUrl: string): Promise<Page> {
  // A new context per page: an empty HTTP cache, as for a first visit.
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  // tsx (esbuild) wraps named functions in __name(); the page has no such helper, so give it one.
  await context.addInitScript({ content: `var __name = (target) => target; (${installMarks.toString()})();` });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  return page;
}

export const readMarks = (page: Page): Promise<Marks> => page.evaluate(() => ({ ...window.__benchMarks }));

/** Waits until the page has set a mark, and returns all of them. */
export async function waitForMark(page: Page, mark: keyof Marks): Promise<Marks> {
  await page.waitForFunction((name) => window.__benchMarks[name as keyof Marks] !== undefined, mark, { timeout: 60_000 });
  return readMarks(page);
}

export const elapsed = (marks: Marks, from: keyof Marks, to: keyof Marks): number => {
  const start = marks[from];
  const end = marks[to];
  if (start === undefined || end === undefined) throw new Error(`no ${start === undefined ? from : to} mark`);
  return end - start;
};
