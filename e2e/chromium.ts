import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The browser the e2e tests and the bench drive, found as users expect: `CHROMIUM_PATH`, else Debian's
 * `/usr/bin/chromium`, else a Chromium that Playwright itself installed. Nothing here downloads one:
 * `npm run test:e2e` stops at once with one line when none is there (scripts/check-browser.ts).
 */
type BrowserChoice =
  { found: true; executablePath: string; from: 'CHROMIUM_PATH' | 'Debian' | 'Playwright' } | { found: false; reason: string };

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function findChromium(env: NodeJS.ProcessEnv = process.env): BrowserChoice {
  const chosen = env.CHROMIUM_PATH?.trim();
  if (chosen) {
    return existsSync(chosen)
      ? { found: true, executablePath: chosen, from: 'CHROMIUM_PATH' }
      : { found: false, reason: `CHROMIUM_PATH is ${chosen}, which does not exist: point it at a Chromium or Chrome binary.` };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { found: true, executablePath: DEBIAN_CHROMIUM, from: 'Debian' };
  const bundled = chromium.executablePath();
  if (bundled && existsSync(bundled)) return { found: true, executablePath: bundled, from: 'Playwright' };
  return {
    found: false,
    reason:
      "No Chromium for the e2e tests: install Debian's (sudo apt-get install chromium), set CHROMIUM_PATH to a Chromium or Chrome binary, or let Playwright install its own (npx playwright install chromium).",
  };
}

const choice = findChromium();
/** Undefined when no browser is there: the e2e run has already stopped with the reason before this is used. */
export const CHROMIUM_PATH = choice.found ? choice.executablePath : undefined;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
