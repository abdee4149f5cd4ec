import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { HistoryDrawer } from './pages/history-drawer';
import { IntegrationFormPage } from './pages/integration-form-page';
import { SignInDialog } from './pages/sign-in-dialog';

// A server of the same build with people (AUTH=accounts), on a port and data directory of its own: beside the
// suite's server and the ADMIN_TOKEN spec's (E2E_PORT + 1), so two runs on one machine do not take the same port.
const PORT = process.env.E2E_PORT ? Number(process.env.E2E_PORT) + 2 : 4451;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ADMIN = { email: 'ada@example.com', password: 'admin password 1', name: 'Ada Admin' };
const BUILDER = { email: 'bea@example.com', password: 'builder password 1', name: 'Bea Builder' };
const VIEWER = { email: 'vic@example.com', password: 'viewer password 1', name: 'Vic Viewer' };

let server: ChildProcess;
let dataDir: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // Generous: tsx compiles the server and the admin command on a machine that may be busy with other runs.
  test.setTimeout(300_000);
  dataDir = mkdtempSync(join(tmpdir(), 'integrations-team-'));
  const env = {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    AUTH: 'accounts',
    SECRETS_KEY: randomBytes(32).toString('base64'),
    ENABLE_TEST_API: '0',
    LOG_LEVEL: 'warn',
  };
  // The first admin comes from the command line, as the README says; the rest of the team from the People screen.
  const created = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/admin-create.ts', '--email', ADMIN.email, '--password', ADMIN.password, '--name', ADMIN.name],
    { env, encoding: 'utf8' },
  );
  expect(created.status, created.stderr).toBe(0);
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, stdio: 'ignore' });
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    const healthy = await fetch(`${ORIGIN}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the AUTH=accounts server on port ${PORT} did not start`);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** A person of their own: a browser context of their own (their own cookie), signed in on the home page. */
async function signedIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await new SignInDialog(page).signIn(who.email, who.password);
  return page;
}

async function openPersonMenu(page: Page, name: string) {
  await page
    .getByRole('banner')
    .getByRole('button', { name: new RegExp(`^${name}, `) })
    .click();
}

async function openEscalation(page: Page) {
  await page.getByRole('link', { name: 'Customer Care Bot', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Integrations' })
    .getByRole('link', { name: /^Escalation\b/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Escalation', level: 2 })).toBeVisible({ timeout: 30_000 });
}

test('an admin adds a builder and a viewer; the builder saves; the viewer reads it and sees who saved it', async ({ browser }) => {
  test.slow();

  // The admin: the People screen from the person's menu.
  const admin = await signedIn(browser, ADMIN);
  await openPersonMenu(admin, ADMIN.name);
  await admin.getByRole('link', { name: 'People' }).click();
  await expect(admin.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  const add = admin.getByRole('region', { name: 'Add a person' });
  await add.getByLabel('Email').fill(BUILDER.email);
  await add.getByLabel('Name').fill(BUILDER.name);
  await add.getByLabel('Role').selectOption('builder');
  await add.getByLabel('Password (optional)').fill(BUILDER.password);
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(add.getByText(`${BUILDER.name} can sign in now`)).toBeVisible({ timeout: 60_000 });

  // The viewer without a password: an invite link to copy, which lets them set one.
  await add.getByLabel('Email').fill(VIEWER.email);
  await add.getByLabel('Name').fill(VIEWER.name);
  await add.getByLabel('Role').selectOption('viewer');
  await add.getByRole('button', { name: 'Add person' }).click();
  const invite = add.getByLabel(`Invite link for ${VIEWER.name}`);
  // Generous: the server hashes and stores the invite in one transaction, on a machine shared with other runs.
  await expect(invite).toHaveValue(new RegExp(`^${ORIGIN}/invite\\?token=`), { timeout: 60_000 });
  const people = admin.getByRole('list', { name: 'People' });
  await expect(people.getByRole('listitem')).toHaveCount(3);
  await expect(people.getByLabel(`Role of ${VIEWER.name}`)).toHaveValue('viewer');
  await expectNoSeriousA11yViolations(admin, 'the People screen');

  const invited = await (await browser.newContext()).newPage();
  await invited.goto(await invite.inputValue());
  await invited.getByLabel('New password').fill(VIEWER.password);
  await invited.getByLabel('Password again').fill(VIEWER.password);
  await invited.getByRole('button', { name: 'Set password' }).click();
  // Generous, as every step that hashes a password (scrypt) on a machine shared with other runs.
  await expect(invited.getByText('Your password is set.')).toBeVisible({ timeout: 60_000 });
  await invited.context().close();

  // The builder saves an integration.
  const builder = await signedIn(browser, BUILDER);
  await openEscalation(builder);
  const builderForm = new IntegrationFormPage(builder);
  await builderForm.fill('Message to User', 'Bea says: an agent is on the way.');
  await builderForm.save();
  await builder.context().close();

  // The viewer reads it: no Add Integration, no Save, every field read-only, one line saying why.
  const viewer = await signedIn(browser, VIEWER);
  await openPersonMenu(viewer, VIEWER.name);
  await expect(viewer.getByRole('link', { name: 'People' })).toHaveCount(0);
  await viewer.keyboard.press('Escape');
  await expect(viewer.getByRole('button', { name: 'Import bot' })).toHaveCount(0);
  await openEscalation(viewer);
  const viewerForm = new IntegrationFormPage(viewer);
  await expect(viewerForm.field('Message to User')).toHaveValue('Bea says: an agent is on the way.');
  await expect(viewerForm.field('Message to User')).not.toBeEditable();
  await expect(viewerForm.field('Integration Name')).not.toBeEditable();
  await expect(viewerForm.saveButton).toHaveCount(0);
  await expect(viewer.getByRole('link', { name: 'Add Integration' })).toHaveCount(0);
  await expect(viewer.getByTestId('read-only-reason')).toHaveText('Read-only: your role is viewer; changing this needs the builder role.');

  // History names the builder, and offers the viewer no Restore.
  const history = new HistoryDrawer(viewer);
  await history.open('Escalation');
  await expect(history.revision(2)).toContainText(`by ${BUILDER.name}`);
  await history.pick(1);
  await expect(viewer.getByRole('button', { name: /^Restore version/ })).toHaveCount(0);
  await history.close();

  // Activity names the builder too, filtered by person, with a link to what they changed.
  await openPersonMenu(viewer, VIEWER.name);
  await viewer.getByRole('link', { name: 'Activity' }).click();
  await expect(viewer.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  const activity = viewer.getByRole('list', { name: 'Activity' });
  const saved = activity.getByRole('listitem').filter({ hasText: `Saved by ${BUILDER.name}` });
  await expect(saved).toHaveCount(1);
  await viewer.getByLabel('Person').selectOption({ label: BUILDER.name });
  await expect(activity.getByRole('listitem').filter({ hasNotText: BUILDER.name })).toHaveCount(0);
  await viewer.getByLabel('Action').selectOption({ label: 'Saved' });
  await expect(viewer).toHaveURL(/action=save/);
  await saved.getByRole('link', { name: 'Open the integration' }).click();
  await expect(viewer.getByRole('heading', { name: 'Escalation', level: 2 })).toBeVisible();
  await expectNoSeriousA11yViolations(viewer, 'the read-only form');

  // Signing out ends the session: the next visit asks again.
  await openPersonMenu(viewer, VIEWER.name);
  await viewer.getByRole('button', { name: 'Sign out' }).click();
  await expect(new SignInDialog(viewer).dialog).toBeVisible();
  await viewer.context().close();
  await admin.context().close();
});

test('a person makes an API key, copies it once, sees it used, and revokes it', async ({ browser }) => {
  const admin = await signedIn(browser, ADMIN);
  await openPersonMenu(admin, ADMIN.name);
  await admin.getByRole('link', { name: 'API keys' }).click();
  await expect(admin.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible();
  await expect(admin.getByText('No API keys yet')).toBeVisible();
  const create = admin.getByRole('region', { name: 'Create an API key' });
  await create.getByRole('button', { name: 'Create key' }).click();
  await expect(create.getByText('Name the key (what uses it)')).toBeVisible();
  await create.getByLabel('Name').fill('QA e2e');
  await create.getByLabel('Role').selectOption('builder');
  await create.getByLabel('Expires').selectOption({ label: 'In 30 days' });
  await create.getByRole('button', { name: 'Create key' }).click();
  const shown = create.getByLabel('The key QA e2e');
  await expect(shown).toBeFocused();
  const key = await shown.inputValue();
  expect(key.length).toBeGreaterThan(20);

  const keys = admin.getByRole('list', { name: 'Your API keys' });
  await expect(keys.getByRole('listitem')).toContainText('Last used never');
  const used = await fetch(`${ORIGIN}/api/bots`, { headers: { authorization: `Bearer ${key}` } });
  expect(used.status).toBe(200);
  await admin.reload();
  await expect(keys.getByRole('listitem')).not.toContainText('Last used never');
  await expect(admin.getByLabel('The key QA e2e')).toHaveCount(0);
  await expectNoSeriousA11yViolations(admin, 'the API keys screen');

  await keys.getByRole('button', { name: 'Revoke QA e2e' }).click();
  await admin.getByRole('alertdialog', { name: 'Revoke QA e2e?' }).getByRole('button', { name: 'Revoke' }).click();
  await expect(admin.getByText('No API keys yet')).toBeVisible();
  expect((await fetch(`${ORIGIN}/api/bots`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
  await admin.context().close();
});
