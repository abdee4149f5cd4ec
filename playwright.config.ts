import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium';

const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;
// One fresh embedded database per run. Workers re-read this file, so the runner's choice is passed on in the env.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'integrations-e2e-'));

export default defineConfig({
  testDir: 'e2e',
  // The docs screenshots rewrite files in docs/: only when asked for.
  testIgnore: process.env.SCREENSHOTS === '1' ? [] : ['**/screenshots.spec.ts'],
  // Each test has a bot of its own (POST /api/testing/fixtures) and unique names in the shared directories,
  // so two workers share the one server. Files, not tests, are spread: a file's beforeAll runs once.
  workers: 2,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Each test loads Monaco (about 1 MB of script to compile) in a browser sharing 2 cores with the
  // server: generous waits keep a busy machine from failing a test that a person would see pass.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    // The production shape, as `npm start` runs it: the built SPA and the compiled API in one process.
    command: 'node scripts/start.mjs',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR,
      ENABLE_TEST_API: '1',
      LOG_LEVEL: 'warn',
    },
  },
});
