import { expect, test } from './fixtures';

test('the keyboard reaches the menu, the dialog traps focus and Escape closes it; Ctrl+S saves', async ({
  page,
  panel,
  form,
  openIntegration,
}) => {
  await openIntegration('FAQ');

  const trigger = panel.list.getByRole('button', { name: 'Actions for FAQ' });
  // At once: a row drawn before its menu's code is here takes the keyboard too, and opens once the code arrives.
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
  // The dialog has no trigger of its own: the focus goes back to the row's menu button, not to the page.
  await expect(trigger).toBeFocused();

  await form.field('Phrase').fill('{$query} please');
  await page.keyboard.press('ControlOrMeta+s');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await expect(form.unsavedIndicator).toHaveText('');
});

test("a row's menu reached before its code is here takes Enter, and opens with its first item focused once the code arrives", async ({
  page,
  demoBot,
  panel,
}) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/integration-list-item-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await panel.goto(demoBot.id);
  const trigger = panel.list.getByRole('button', { name: 'Actions for FAQ' });
  await trigger.focus();
  await page.keyboard.press('Enter');
  // Asked for, and on its way.
  await expect(trigger).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('menu')).toHaveCount(0);
  release();
  await expect(page.getByRole('menuitem', { name: 'Delete Integration' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(panel.list.getByRole('button', { name: 'Actions for FAQ' })).toBeFocused();
});

test("a row's control keeps the focus when the list's virtual window takes over from the first rows", async ({ page, demoBot, panel }) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/virtual-window-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await panel.goto(demoBot.id);
  const rows = panel.list.getByRole('list');
  // The list the first rows are drawn in: the window draws its own.
  await rows.evaluate((list) => list.setAttribute('data-first-rows', ''));
  const link = panel.list.getByRole('link', { name: /^FAQ/ });
  await link.focus();
  release();
  await expect(panel.list.locator('ul[data-first-rows]')).toHaveCount(0);
  await expect(link).toBeFocused();
});

test("a row's menu whose code fails to load says so, and opens when asked again", async ({ page, demoBot, panel }) => {
  let reachable = false;
  await page.route(/\/assets\/integration-list-item-[^/]+\.js$/, (route) =>
    reachable ? route.continue() : route.abort('connectionrefused'),
  );
  await panel.goto(demoBot.id);
  const trigger = panel.list.getByRole('button', { name: 'Actions for FAQ' });
  await trigger.click();
  await expect(page.getByText('Could not load the menu. Try again.')).toBeVisible();
  await expect(trigger).toHaveAttribute('aria-busy', 'false');
  reachable = true;
  await trigger.click();
  await expect(page.getByRole('menuitem', { name: 'Delete Integration' })).toBeVisible();
});
