import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { AdminTokenDialog } from './pages/admin-token-dialog';

// A second server of the same build with ADMIN_TOKEN set, on a port and data directory of its own.
// Beside the suite's own server when E2E_PORT moves it, so two runs on one machine do not take the same port.
const PORT = process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 1 : 4450;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TOKEN = 'e2e-admin-token';

let server: ChildProcess;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(join(tmpdir(), 'integrations-admin-token-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_TOKEN: TOKEN,
      ENABLE_TEST_API: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 100_000;
  while (Date.now() < deadline) {
    const healthy = await fetch(`${ORIGIN}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the ADMIN_TOKEN server on port ${PORT} did not start`);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test('asks for the admin token once per tab, shows a wrong one refused, and keeps the right one across a reload', async ({ page }) => {
  const prompt = new AdminTokenDialog(page);
  const unauthorized: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 401) unauthorized.push(response.url());
  });

  await page.goto(`${ORIGIN}/`);
  await expect(prompt.dialog).toBeVisible();
  await expect(prompt.dialog.getByLabel('Admin token')).toBeFocused();
  await expect(prompt.dialog.getByLabel('Admin token')).toHaveAttribute('type', 'password');

  await prompt.submit('not-the-token');
  await prompt.expectRejected('The bearer token is not the one this server expects.');

  await prompt.submit(TOKEN);
  await expect(prompt.dialog).toBeHidden();
  await expect(page.getByRole('link', { name: 'Customer Care Bot', exact: true })).toBeVisible();

  const beforeReload = unauthorized.length;
  await page.reload();
  await expect(page.getByRole('link', { name: 'Customer Care Bot', exact: true })).toBeVisible();
  await expect(prompt.dialog).toBeHidden();
  expect(unauthorized.length, 'no 401 after the reload: the token is kept for the tab').toBe(beforeReload);

  // A new tab is a new session: it asks again.
  const other = await page.context().newPage();
  await other.goto(`${ORIGIN}/`);
  await expect(new AdminTokenDialog(other).dialog).toBeVisible();
});
