/**
 * Debian's Chromium, never a downloaded browser (scripts/ensure-chromium.mjs installs it when missing),
 * with the flags that keep it quiet and offline in a container. Shared by the e2e tests and the bench.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
