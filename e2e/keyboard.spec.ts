import { expect, test } from './fixtures';

test('the keyboard reaches the menu, the dialog traps focus and Escape closes it; Ctrl+S saves', async ({ page, demoBot, panel, form }) => {
  await panel.goto(demoBot.id);
  await panel.open('FAQ');

  const trigger = panel.list.getByRole('button', { name: 'Actions for FAQ' });
  // The row's menu is drawn inert until its code is here (after the screen has settled): then it takes the keyboard.
  await expect(trigger).toBeEnabled();
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Delete Integration' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Delete FAQ?' });
  await expect(dialog).toBeVisible();
  for (let step = 0; step < 4; step += 1) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(panel.item('FAQ')).toBeVisible();

  await form.field('Phrase').fill('{$query} please');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await expect(form.unsavedIndicator).toHaveText('');
});
