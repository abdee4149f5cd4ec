import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenIdProvider, type TestOpenIdProvider } from '../src/server/people/testing/openid-provider';
import { expect, test } from './fixtures';

// A server of its own with AUTH=oidc and a real OpenID provider (oidc-provider) beside it, on ports past the
// suite's own (E2E_PORT+1 is the ADMIN_TOKEN spec's).
const BASE = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : 4449;
const PORT = BASE + 2;
const PROVIDER_PORT = BASE + 3;
const ORIGIN = `http://127.0.0.1:${PORT}`;

let server: ChildProcess;
let provider: TestOpenIdProvider;
let dataDir: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  provider = await startOpenIdProvider({ port: PROVIDER_PORT, claims: { ana: { name: 'Ana Lima', role: 'builder' } } });
  provider.allowPanel(ORIGIN);
  dataDir = mkdtempSync(join(tmpdir(), 'integrations-oidc-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      AUTH: 'oidc',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_PROVIDER_NAME: 'Test IdP',
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
  throw new Error(`the AUTH=oidc server on port ${PORT} did not start`);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await provider?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('signs in through the OpenID provider’s own pages from the app’s prompt and comes back signed in with the claim’s role', async ({
  page,
}) => {
  // A deep link while signed out: the app's prompt offers the provider (the 401 names it).
  await page.goto(`${ORIGIN}/skills`);
  const prompt = page.getByRole('dialog', { name: 'Sign in' });
  await prompt.getByRole('link', { name: 'Sign in with Test IdP' }).click();

  // The provider's login page, then its consent page.
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.getByLabel('Login').fill('ana');
  await page.getByLabel('Password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  // Back where the person was, signed in: no prompt, their name and the claim's role in the top bar.
  await expect(page).toHaveURL(`${ORIGIN}/skills`);
  await expect(page.getByRole('button', { name: 'Ana Lima, builder: account menu' })).toBeVisible();
  await expect(prompt).toHaveCount(0);
  const me = await page.request.get(`${ORIGIN}/api/me`);
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ name: 'Ana Lima', email: 'ana@idp.example', role: 'builder', authMode: 'oidc' });
});
