import { expect, test } from './fixtures';

test('leaving with unsaved changes asks first: a link, the back button, closing the tab', async ({
  page,
  panel,
  form,
  openIntegration,
}) => {
  await openIntegration('Escalation');
  await panel.open('FAQ');
  await form.fill('Phrase', 'changed {$query}');
  await expect(form.unsavedIndicator).toHaveText('Unsaved changes');

  // An in-app link: Stay keeps the edits.
  await panel.item('OrderStatus').click();
  const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Stay' }).click();
  await expect(ask).toBeHidden();
  await expect(form.field('Phrase')).toHaveValue('changed {$query}');

  // The back button asks too.
  await page.goBack();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Stay' }).click();
  await expect(form.field('Phrase')).toHaveValue('changed {$query}');

  // Closing or reloading the tab: the browser's own beforeunload prompt.
  const prompt = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await prompt;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  // Staying keeps the page and its edits.
  await expect(form.field('Phrase')).toHaveValue('changed {$query}');
  // Closed here, without beforeunload: Chromium can refuse to close the context while the page it was
  // told to close, then kept, is still settling ("browserContext.close: Test ended").
  await page.close();
});

test('Leave without saving goes on and drops the edits', async ({ page, panel, form, openIntegration }) => {
  await openIntegration('FAQ');
  await form.fill('Phrase', 'dropped');
  await panel.item('OrderStatus').click();
  await page.getByRole('alertdialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { name: 'OrderStatus', level: 2 })).toBeVisible();
  await panel.open('FAQ');
  await expect(form.field('Phrase')).toHaveValue('{$query}');
});
