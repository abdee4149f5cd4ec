import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

test('bots: create, rename and delete with confirmation; the page passes axe', async ({ page, demoBot, bots }) => {
  await bots.goto();
  await expect(bots.botLink(demoBot.name)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the bots page');

  await bots.create('Billing Bot');
  // A new bot opens on its (empty) integrations panel.
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  await expect(page.getByText('No integrations yet.')).toBeVisible();
  await page.getByRole('link', { name: 'Bots' }).click();

  await bots.rename('Billing Bot', 'Invoices Bot');
  await expect(bots.botLink('Invoices Bot')).toBeVisible();

  let dialog = await bots.askToDelete('Invoices Bot');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(bots.botLink('Invoices Bot')).toBeVisible();
  dialog = await bots.askToDelete('Invoices Bot');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(bots.botLink('Invoices Bot')).toHaveCount(0);

  await page.reload();
  await expect(bots.botLink(demoBot.name)).toBeVisible();
  await expect(bots.botLink('Invoices Bot')).toHaveCount(0);
});

test('the panel passes axe and opens from the bots list', async ({ page, demoBot, bots, panel }) => {
  await bots.goto();
  await bots.botLink(demoBot.name).click();
  await expect(panel.item('Escalation')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the integrations panel');
});
