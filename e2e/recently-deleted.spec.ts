import type { APIRequestContext } from '@playwright/test';
import { OWN_EXPORTS, OWN_SUPPORT_DESK } from '../src/server/cb-export/testing/own-exports';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

/** Where the bot's dialogs use the integration, as the API reports it: what a restore must leave as it was. */
async function usagesOf(request: APIRequestContext, botId: string, integrationId: string): Promise<unknown[]> {
  const response = await request.get(`/api/bots/${botId}/integrations/${integrationId}/usages`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: unknown[] }).items;
}

test('delete an integration in use, Undo: every usage intact; delete again, and restore it from its address and Recently deleted', async ({
  page,
  request,
  importBot,
  panel,
}) => {
  // The project's support-desk export: OrderLookup is invoked, read in code and shown in a text, five places in all.
  const bot = await importBot(JSON.parse(OWN_EXPORTS[OWN_SUPPORT_DESK]!));
  const orderLookup = bot.integration('OrderLookup');
  const usages = await usagesOf(request, bot.botId, orderLookup.id);
  expect(usages).toHaveLength(5);

  await panel.goto(bot.botId, orderLookup.id);
  await expect(page.getByRole('heading', { name: 'Used in 5 places' })).toBeVisible({ timeout: 30_000 });
  let dialog = await panel.askToDelete('OrderLookup');
  await expect(dialog).toContainText('Used in 5 places');
  await expect(dialog).toContainText('Undo it');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(panel.item('OrderLookup')).toHaveCount(0);

  await panel.undoDelete('OrderLookup');
  await expect(panel.item('OrderLookup')).toBeVisible();
  expect(await usagesOf(request, bot.botId, orderLookup.id)).toEqual(usages);
  await panel.open('OrderLookup', 30_000);
  await expect(page.getByRole('heading', { name: 'Used in 5 places' })).toBeVisible();

  // Deleted again: its address says what it was, in words, and offers Restore.
  dialog = await panel.askToDelete('OrderLookup');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(panel.item('OrderLookup')).toHaveCount(0);
  await panel.goto(bot.botId, orderLookup.id);
  const missing = page.getByTestId('missing-integration');
  await expect(missing.getByRole('heading', { name: 'OrderLookup was deleted' })).toBeVisible();
  await expect(missing.getByRole('button', { name: 'Restore OrderLookup' })).toBeVisible();
  await expect(missing).not.toContainText(orderLookup.id);
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the address of a deleted integration');

  // Recently deleted lists it by name and type; Restore brings it back with one click.
  const recent = await panel.openRecentlyDeleted();
  const row = recent.getByRole('list', { name: 'Deleted integrations' }).getByRole('listitem').filter({ hasText: 'OrderLookup' });
  await expect(row).toContainText('API');
  await expectNoSeriousA11yViolations(page, 'the Recently deleted dialog');
  await row.getByRole('button', { name: 'Restore OrderLookup' }).click();
  await expect(recent).toBeHidden();
  await expect(page.getByText('Restored OrderLookup')).toBeVisible();
  await expect(panel.item('OrderLookup')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'OrderLookup', level: 2 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Used in 5 places' })).toBeVisible();
  expect(await usagesOf(request, bot.botId, orderLookup.id)).toEqual(usages);

  const emptied = await panel.openRecentlyDeleted();
  await expect(emptied.getByText('Nothing deleted.')).toBeVisible();
});

test('an address of an integration the bot never had says so in words, with the way back', async ({ page, demoBot, panel }) => {
  const unknown = '0f0f0f0f-1111-4222-8333-444455556666';
  await panel.goto(demoBot.id, unknown);
  const missing = page.getByTestId('missing-integration');
  await expect(missing.getByRole('heading', { name: 'This integration does not exist' })).toBeVisible();
  await expect(missing).not.toContainText(unknown);
  await missing.getByRole('link', { name: 'Back to the integrations' }).click();
  await expect(page).toHaveURL(new RegExp(`/bots/${demoBot.id}/integrations$`));
});
