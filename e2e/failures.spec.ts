import { expect, test } from './fixtures';
import { HistoryDrawer } from './pages/history-drawer';
import { OWN_EXPORTS, OWN_SUPPORT_DESK } from '../src/server/cb-export/testing/own-exports';

const PROBLEM = 'application/problem+json';

test('a failed save is said next to Save, wherever the user had scrolled, with Retry; offline and back online in the header', async ({
  page,
  form,
  openIntegration,
}) => {
  await openIntegration('OrderStatus');
  await form.value(2).scrollIntoViewIfNeeded();
  await form.value(2).fill('{$.api_OrderStatus.delivery}');

  // The server cannot be reached: every API call fails before an answer.
  await page.route('**/api/**', (route) => route.abort('connectionrefused'));
  await page.keyboard.press('ControlOrMeta+s');
  const problem = page.getByTestId('form-problem');
  await expect(problem).toContainText('Cannot reach the server');
  await expect(problem).toBeInViewport();
  await expect(problem).toBeFocused();
  await expect(page.locator('[data-sonner-toast]').filter({ hasText: 'Cannot reach the server' })).toBeVisible();
  const status = page.getByTestId('connection-status');
  await expect(status).toHaveText('Offline – your changes are kept in this browser');
  await expect(form.value(2)).toHaveValue('{$.api_OrderStatus.delivery}');

  // Back: the app's own retries (with backoff) notice, and say so.
  await page.unroute('**/api/**');
  await expect(status).toContainText('Back online', { timeout: 20_000 });
  await problem.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText('Saved', { exact: true }).last()).toBeVisible();
  await expect(problem).toBeHidden();
  await expect(form.unsavedIndicator).toHaveText('');
});

test('a server failure and a rejected field read differently', async ({ page, form, openIntegration }) => {
  await openIntegration('OrderStatus');
  await form.fill('URL', 'https://orders.example.com/api/v3/{$botContext.orderNumber}');

  await page.route('**/api/bots/*/integrations/*', (route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({
          status: 503,
          contentType: PROBLEM,
          body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'The database is restarting.' }),
        })
      : route.fallback(),
  );
  await form.saveButton.click();
  const problem = page.getByTestId('form-problem');
  await expect(problem).toContainText('The server failed: Service Unavailable');
  await expect(problem).toContainText('The database is restarting.');
  await expect(problem).toBeFocused();
  await expect(problem.getByRole('button', { name: 'Retry' })).toBeVisible();
  // A 5xx is an answer: the server is reachable.
  await expect(page.getByTestId('connection-status')).not.toContainText('Offline');
  await page.unroute('**/api/bots/*/integrations/*');

  // A 4xx with a field: the error is on the field, which gets the focus; no Retry, since the same values would fail again.
  // OrderStatus is used by the demo's dialogs, so a new name goes through the rename preview, which says the server's refusal.
  await form.fill('Integration Name', 'FAQ');
  await form.saveButton.click();
  const rename = page.getByRole('alertdialog', { name: 'Rename OrderStatus to FAQ?' });
  await expect(rename.getByRole('alert')).toContainText('This bot already has an integration named "FAQ"');
  await expect(problem).toBeHidden();
});

test('a part whose code does not load fails in its own place, with Retry, and the form stays', async ({ page, form, openIntegration }) => {
  // Before the first page: the Test panel's chunk is not fetched until the click.
  await page.route(/\/assets\/test-panel-[^/]+\.js$/, (route) => route.abort('connectionrefused'));
  await openIntegration('OrderStatus');
  await form.fill('URL', 'https://orders.example.com/kept/{$botContext.orderNumber}');
  await form.testToggle.click();
  const failed = page.getByTestId('part-error');
  await expect(failed).toContainText('Could not load the test panel');
  // The form is still here, with the edit.
  await expect(page.getByRole('heading', { name: 'OrderStatus', level: 2 })).toBeVisible();
  await expect(form.field('URL')).toHaveValue('https://orders.example.com/kept/{$botContext.orderNumber}');
  await expect(page.getByText('This page could not be shown')).toHaveCount(0);

  await page.unroute(/\/assets\/test-panel-[^/]+\.js$/);
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(form.testPanel).toBeVisible();
  await expect(failed).toBeHidden();
});

test('an editor whose code does not load fails in its place, with Retry; the form and the rest of the screen stay', async ({
  page,
  form,
  openIntegration,
}) => {
  await page.route(/\/assets\/script-editor-[^/]+\.js$/, (route) => route.abort('connectionrefused'));
  await openIntegration('OrderStatus');
  const failed = page.getByTestId('part-error');
  await expect(failed).toContainText('Could not load the script editor');
  // The form takes edits without its editor, and the parts that waited for the editor come anyway.
  await form.fill('URL', 'https://orders.example.com/kept/{$botContext.orderNumber}');
  await expect(page.getByRole('heading', { name: /^Used in \d+ places?$/ })).toBeVisible();

  await page.unroute(/\/assets\/script-editor-[^/]+\.js$/);
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(form.scriptEditor).toBeVisible();
  await expect(failed).toBeHidden();
  await expect(form.field('URL')).toHaveValue('https://orders.example.com/kept/{$botContext.orderNumber}');
});

test('a chunk gone after a redeploy offers Reload to update, which keeps the edits', async ({ page, form, openIntegration }) => {
  await page.route(/\/assets\/history-drawer-[^/]+\.js$/, (route) =>
    route.fulfill({
      status: 404,
      contentType: PROBLEM,
      body: JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'Gone.' }),
    }),
  );
  await openIntegration('OrderStatus');
  await form.fill('URL', 'https://orders.example.com/redeployed/{$botContext.orderNumber}');
  await expect(page.getByTestId('draft-status')).toHaveText('Kept in this browser');
  await form.root.getByRole('button', { name: 'History' }).click();
  await expect(page.getByTestId('part-error')).toContainText('Could not load the history');
  const update = page.getByTestId('connection-status').getByRole('button', { name: 'Reload to update' });
  await expect(update).toBeVisible();

  // No "Leave site?" prompt: the edits are in the browser's drafts.
  let prompted = false;
  page.on('dialog', (dialog) => {
    prompted = true;
    void dialog.dismiss();
  });
  await update.click();
  await expect(page.getByTestId('draft-offer')).toBeVisible({ timeout: 30_000 });
  expect(prompted).toBe(false);
  await page.getByRole('button', { name: /^Restore unsaved changes from / }).click();
  await expect(form.field('URL')).toHaveValue('https://orders.example.com/redeployed/{$botContext.orderNumber}');
});

test('a newer build id on /api/health offers Reload to update', async ({ page, demoBot, panel }) => {
  await panel.goto(demoBot.id);
  const own = await (await page.request.get('/api/health')).json();
  expect(typeof own.build).toBe('string');
  await page.route('**/api/health', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...own, build: `${own.build}-next` }) }),
  );
  // The tab checks when it comes back into view (and every few minutes).
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect(page.getByTestId('connection-status').getByRole('button', { name: 'Reload to update' })).toBeVisible();
});

test('the tab of the served build is not asked to update', async ({ page, demoBot, panel }) => {
  await panel.goto(demoBot.id);
  const health = page.waitForResponse('**/api/health');
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await health;
  await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);
});

test('a failed delete is said in the dialog and in a toast, takes the focus, and Retry deletes once the server answers', async ({
  page,
  demoBot,
  panel,
}) => {
  await panel.goto(demoBot.id);
  const dialog = await panel.askToDelete('SendTranscript');
  await page.route('**/api/bots/*/integrations/*', (route) =>
    route.request().method() === 'DELETE' ? route.abort('failed') : route.continue(),
  );
  await dialog.getByRole('button', { name: 'Delete' }).click();
  const failure = dialog.getByTestId('delete-failure');
  await expect(failure).toContainText('Cannot reach the server');
  await expect(failure).toBeFocused();
  await expect(page.getByText('Cannot reach the server').last()).toBeVisible();

  await page.unroute('**/api/bots/*/integrations/*');
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.item('SendTranscript')).toHaveCount(0);
});

test('a failed restore is said under its button and in a toast, takes the focus, and Retry restores', async ({
  page,
  form,
  openIntegration,
}) => {
  await openIntegration('Escalation', 30_000);
  await form.fill('Message to User', 'A second version.');
  await form.save();
  const history = new HistoryDrawer(page);
  await history.open('Escalation');
  await history.pick(1);
  await page.route('**/revisions/1/restore', (route) => route.abort('failed'));
  await history.restoreButton(1).click();
  const failure = page.getByTestId('restore-error');
  await expect(failure).toContainText('Cannot reach the server');
  await expect(failure).toBeFocused();

  await page.unroute('**/revisions/1/restore');
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText('Restored version 1 (saved as version 3)')).toBeVisible();
});

test('a failed import is said above the Import button and in a toast, takes the focus, and Retry imports', async ({
  page,
  demoBot: _demoBot,
  bots,
  unique,
}) => {
  await bots.goto();
  const dialog = await bots.openImport();
  // A name of its own: a Support Desk another test imported meanwhile would make the dialog ask for another name.
  const file = JSON.parse(OWN_EXPORTS[OWN_SUPPORT_DESK]!) as { bot: { name: string } };
  file.bot.name = `Support Desk ${unique}`;
  await dialog.choose({ name: 'support-desk.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.route(/\/api\/bots\/import$/, (route) => route.abort('failed'));
  await expect(dialog.importButton).toBeEnabled();
  await dialog.importButton.click();
  const failure = page.getByTestId('import-error');
  await expect(failure).toContainText('Cannot reach the server');
  await expect(failure).toBeFocused();

  await page.unroute(/\/api\/bots\/import$/);
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
});
