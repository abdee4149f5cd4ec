import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

test('the integrations list: / focuses the filter, the filter and type are in the address, the arrows move between rows, Back returns to the list', async ({
  page,
  demoBot,
  panel,
}) => {
  await panel.goto(demoBot.id);
  await expect(panel.rows.first()).toBeVisible();
  await page.locator('body').press('/');
  const filter = panel.list.getByLabel('Filter integrations');
  await expect(filter).toBeFocused();
  await page.keyboard.type('er');
  await expect(page).toHaveURL(/\?q=er$/);
  await panel.list.getByLabel('Filter by type').selectOption({ label: 'API' });
  await expect(page).toHaveURL(/\?q=er&type=API$/);
  await expect(panel.rows).toHaveCount(1);
  await panel.list.getByLabel('Filter by type').selectOption({ label: 'All types' });
  await expect(page).toHaveURL(/\?q=er$/);

  const matching = (await (await page.request.get(`/api/bots/${demoBot.id}/integrations?q=er`)).json()) as { items: unknown[] };
  expect(matching.items.length).toBeGreaterThan(1);
  await expect(panel.rows).toHaveCount(matching.items.length);
  await panel.rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(panel.rows.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(panel.rows.first()).toBeFocused();
  await page.keyboard.press('Enter');
  // The row's link keeps the list's state: a link to this page, or Back, shows the same list.
  await expect(page).toHaveURL(new RegExp(`/bots/${demoBot.id}/integrations/[0-9a-f-]{36}\\?q=er$`));
  await page.reload();
  await expect(filter).toHaveValue('er');
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/bots/${demoBot.id}/integrations\\?q=er$`));
  await expect(filter).toHaveValue('er');
  await expect(panel.rows).toHaveCount(matching.items.length);
});

test('Ctrl+K opens the command palette at the first press and runs History; ? lists the shortcuts', async ({ page, demoBot, panel }) => {
  await panel.goto(demoBot.id, demoBot.integrationIds.FAQ);
  await expect(page.getByRole('heading', { name: 'FAQ', level: 2 })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('combobox', { name: 'Search commands' })).toBeFocused();
  await expect(palette.getByRole('option', { name: /^Test/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the command palette');
  await page.keyboard.type('histo');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  const history = page.getByRole('dialog', { name: /History/ });
  await expect(history).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(history).toBeHidden();
  await expect(page.getByRole('button', { name: 'History' })).toBeFocused();

  // Go to another bot's screen from here: the directories too.
  await page.keyboard.press('ControlOrMeta+k');
  await page.keyboard.type('skills');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/skills$/);

  await page.locator('body').press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toContainText('Ctrl+K');
  await expectNoSeriousA11yViolations(page, 'the keyboard shortcuts');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
});

test('after a delete the focus is on the next row', async ({ demoBot, panel }) => {
  await panel.goto(demoBot.id);
  const names = await panel.rows.evaluateAll((links) =>
    links.map((link) => link.querySelector('.integration-item__name')?.textContent ?? ''),
  );
  const at = names.indexOf('FAQ');
  expect(at).toBeGreaterThanOrEqual(0);
  const next = names[at + 1] ?? names[at - 1]!;
  const dialog = await panel.askToDelete('FAQ');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(panel.item('FAQ')).toHaveCount(0);
  await expect(panel.item(next)).toBeFocused();
});

test('after a failed save the field with the error is focused below the sticky header, at 390 px', async ({
  page,
  openIntegration,
  form,
}) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await openIntegration('Escalation');
  const name = form.field('Integration Name');
  await name.fill('');
  // The name scrolled under the sticky header, the focus elsewhere: in the scroller, so no scroll would show it.
  await name.evaluate((field) => {
    const header = field.closest('form')!.querySelector('.form-header')!;
    let scroller = field.parentElement!;
    while (getComputedStyle(scroller).overflowY !== 'auto') scroller = scroller.parentElement!;
    scroller.scrollTop += field.getBoundingClientRect().top - header.getBoundingClientRect().top;
    field.closest('form')!.querySelector<HTMLElement>('[aria-label="Key 1"]')!.focus({ preventScroll: true });
  });
  await page.keyboard.press('ControlOrMeta+s');
  await expect(name).toBeFocused();
  await expect(async () => {
    const header = await form.root.locator('.form-header').boundingBox();
    const field = await name.boundingBox();
    expect(field!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
  }).toPass({ timeout: 5_000 });
});

test('Enter accepts a suggestion in the script editor; the hint says how to leave it', async ({ page, demoBot, panel, form }) => {
  await panel.goto(demoBot.id);
  await panel.addIntegration();
  await form.typeScript(['botContext.getLPEng']);
  await expect(page.locator('.monaco-editor .suggest-widget')).toContainText('getLPEngagementAttribute', { timeout: 10_000 });
  await page.keyboard.press('Enter');
  await expect.poll(() => form.scriptText()).toBe('botContext.getLPEngagementAttribute');
  await expect(page.getByTestId('script-editor-hint')).toContainText('Enter or Tab accepts a suggestion');
  await expect(page.getByTestId('script-editor-hint')).toContainText('Esc then Tab');
});

test('the palette fits a phone: at 390 px it opens, lists the bots and goes to one', async ({ page, demoBot, bots }) => {
  await page.setViewportSize({ width: 390, height: 760 });
  await bots.goto();
  await page.keyboard.press('ControlOrMeta+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await page.keyboard.type(demoBot.name);
  const option = palette.getByRole('option', { name: new RegExp(demoBot.name) });
  await expect(option).toBeVisible();
  const box = await palette.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await expectNoSeriousA11yViolations(page, 'the command palette at 390 px');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/bots/${demoBot.id}/integrations$`));
});
