import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

test('bots: create, edit the name and description, and delete with confirmation; the page passes axe', async ({
  page,
  demoBot,
  bots,
  unique,
}) => {
  // Other tests add bots beside this one: its own have names no other test uses.
  const billing = `Billing Bot ${unique}`;
  const invoices = `Invoices Bot ${unique}`;
  await bots.goto();
  await expect(bots.botLink(demoBot.name)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the bots page');

  // A second bot with a name already taken is allowed, with a warning while the name is typed.
  await page.getByLabel('New bot').fill(demoBot.name.toUpperCase());
  await expect(page.getByTestId('warning-bot-name')).toContainText(`A bot named “${demoBot.name}” already exists`);
  await page.getByLabel('New bot').fill('');
  await expect(page.getByTestId('warning-bot-name')).toHaveCount(0);
  // The API's own schema checks the form: an empty name is refused on its field, nothing is sent.
  await page.getByRole('button', { name: 'Create bot' }).click();
  await expect(page.getByTestId('error-name')).toHaveText('Bot name is required.');

  await bots.create(billing);
  // A new bot opens on its (empty) integrations panel.
  await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  await expect(page.getByText('No integrations yet.')).toBeVisible();
  await page.getByRole('link', { name: 'Bots' }).click();

  await bots.edit(billing, { name: invoices, description: 'Sends invoices and answers billing questions.' });
  await expect(bots.botLink(invoices)).toBeVisible();
  await expect(page.getByTestId('bot-card').filter({ hasText: invoices })).toContainText('Sends invoices and answers billing questions.');

  let dialog = await bots.askToDelete(invoices);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(bots.botLink(invoices)).toBeVisible();
  dialog = await bots.askToDelete(invoices);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(bots.botLink(invoices)).toHaveCount(0);

  // Undo in the toast brings the bot back, description included; then it goes for good.
  await page
    .getByRole('listitem')
    .filter({ hasText: `Deleted ${invoices}` })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(page.getByText(`Restored ${invoices}`)).toBeVisible();
  await expect(page.getByTestId('bot-card').filter({ hasText: invoices })).toContainText('Sends invoices and answers billing questions.');
  dialog = await bots.askToDelete(invoices);
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(bots.botLink(invoices)).toHaveCount(0);

  await page.reload();
  await expect(bots.botLink(demoBot.name)).toBeVisible();
  await expect(bots.botLink(invoices)).toHaveCount(0);
});

test('the panel passes axe and opens from the bots list', async ({ page, demoBot, bots, panel }) => {
  await bots.goto();
  await bots.botLink(demoBot.name).click();
  await expect(panel.item('Escalation')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the integrations panel');
});
