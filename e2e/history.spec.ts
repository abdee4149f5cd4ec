import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { HistoryDrawer } from './pages/history-drawer';

const ORIGINAL_MESSAGE = 'Hold on while I connect you with an agent.';

// Both tests load Monaco twice (the form and the diff): on a busy machine that alone can take seconds.
test.slow();

test('history lists the saves newest first, diffs an old one and restores it', async ({ page, form, openIntegration }) => {
  await openIntegration('Escalation', 30_000);
  const originalScript = await form.scriptText();

  await form.fill('Message to User', 'One moment, please.');
  await form.typeScript(["botContext.printDebugMessage('second');"]);
  await form.save();
  await form.fill('Message to User', 'An agent will be with you shortly.');
  await form.save();

  const history = new HistoryDrawer(page);
  await history.open('Escalation');
  expect(await history.versions()).toEqual(['Version 3', 'Version 2', 'Version 1']);
  await expect(history.revision(3)).toContainText('current');
  await expect(history.revision(3)).toContainText('Changed Message to User');

  // Version 2 differs from the current one by its message alone (the script has its own diff).
  await history.pick(2);
  await expect(page.getByText('1 field differs.')).toBeVisible();

  await history.pick(1);
  await expect(history.scriptDiff.locator('.monaco-diff-editor')).toBeVisible({ timeout: 15_000 });
  const message = history.fieldRow('Message to User');
  await expect(message).toHaveAttribute('data-changed', 'true');
  await expect(message).toContainText('Changed');
  await expect(message).toContainText(ORIGINAL_MESSAGE);
  await expect(message).toContainText('An agent will be with you shortly.');
  await expect(history.fieldRow('Agent Skill Id')).not.toHaveAttribute('data-changed', 'true');
  await expect(history.fieldRow('Custom data: queuePosition')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the history drawer');

  await history.restoreButton(1).click();
  await expect(page.getByText('Restored version 1 (saved as version 4)')).toBeVisible();
  await expect(history.revision(4)).toContainText('Restored');
  expect((await history.versions())[0]).toBe('Version 4');

  await history.close();
  await expect(form.field('Message to User')).toHaveValue(ORIGINAL_MESSAGE);
  expect(await form.scriptText()).toBe(originalScript);
  await expect(form.unsavedIndicator).toHaveText('');
  // The restored version is the base of the next save: no conflict.
  await form.fill('Agent Skill Name', 'After restore');
  await form.save();
});

test('restoring over unsaved changes asks first; a stale restore is explained', async ({
  page,
  request,
  demoBot,
  form,
  openIntegration,
}) => {
  await openIntegration('Escalation', 30_000);
  await form.fill('Message to User', 'Saved once.');
  await form.save();

  await form.fill('Agent Skill Name', 'Not saved');
  const history = new HistoryDrawer(page);
  await history.open('Escalation');
  await history.pick(1);
  await history.restoreButton(1).click();
  const confirm = page.getByRole('alertdialog', { name: 'Restore version 1?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await history.close();
  await expect(form.field('Agent Skill Name')).toHaveValue('Not saved');

  // Someone else saves meanwhile: this page still thinks version 2 is current.
  const list = await (await request.get(`/api/bots/${demoBot.id}/integrations?q=Escalation`)).json();
  const path = `/api/bots/${demoBot.id}/integrations/${list.items[0].id}`;
  const stored = await (await request.get(path)).json();
  const { id: _id, botId: _botId, createdAt: _c, updatedAt: _u, version: _v, ...values } = stored;
  const put = await request.put(path, { data: { ...values, messageToUser: 'Theirs.' }, headers: { 'if-match': '"2"' } });
  expect(put.status()).toBe(200);

  await history.open('Escalation');
  await history.pick(1);
  await history.restoreButton(1).click();
  await page
    .getByRole('alertdialog', { name: 'Restore version 1?' })
    .getByRole('button', { name: 'Discard my changes and restore' })
    .click();
  const error = page.getByTestId('restore-error');
  await expect(error).toContainText('Someone saved this integration after you opened it');
  await error.getByRole('button', { name: 'Load the latest version' }).click();
  await expect(error).toBeHidden();
  await expect(page.getByRole('heading', { name: /compared with the current version \(3\)/ })).toBeVisible();
  await history.restoreButton(1).click();
  await expect(page.getByText('Restored version 1 (saved as version 4)')).toBeVisible();
  await history.close();
  await expect(form.field('Message to User')).toHaveValue(ORIGINAL_MESSAGE);
});

test('closing History after a script diff throws nothing in the page', async ({ page, form, openIntegration }) => {
  // Monaco's "TextModel got disposed before DiffEditorWidget model got reset" came on every close.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openIntegration('Escalation', 30_000);
  await form.typeScript(["botContext.printDebugMessage('changed');"]);
  await form.save();

  const history = new HistoryDrawer(page);
  await history.open('Escalation');
  await history.pick(1);
  await expect(history.scriptDiff.locator('.monaco-diff-editor')).toBeVisible({ timeout: 15_000 });
  await history.close();
  // Opened and closed again: the second diff editor starts from fresh models.
  await history.open('Escalation');
  await history.pick(1);
  await expect(history.scriptDiff.locator('.monaco-diff-editor')).toBeVisible({ timeout: 15_000 });
  await history.close();
  // A disposal error surfaces a moment after the drawer is gone.
  await page.waitForTimeout(500);
  expect(errors).toEqual([]);
});
