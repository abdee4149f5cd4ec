import { expect, test } from './fixtures';

test('deleting an integration asks first, says which dialogs use it, and removes it', async ({ page, demoBot, panel, openIntegration }) => {
  await openIntegration('OrderStatus');

  let dialog = await panel.askToDelete('OrderStatus');
  // The demo bot's order-status dialog invokes it and shows two of its fields.
  await expect(dialog).toContainText('Used in 3 places');
  await expect(dialog.getByRole('list', { name: 'Where it is used' })).toContainText(
    'Order status › api_integration_order_status, integration interaction',
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(panel.item('OrderStatus')).toBeVisible();

  dialog = await panel.askToDelete('OrderStatus');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.item('OrderStatus')).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/bots/${demoBot.id}/integrations$`));

  await page.reload();
  await expect(panel.item('Escalation')).toBeVisible();
  await expect(panel.item('OrderStatus')).toHaveCount(0);
});

test('the filter box narrows the list by name or type name', async ({ demoBot, panel }) => {
  await panel.goto(demoBot.id);
  await panel.filter('upload');
  await expect(panel.item('UploadReceipt')).toBeVisible();
  await expect(panel.rows).toHaveCount(1);
  // "faas" is no name: it finds the LivePerson Functions integration by its type.
  await panel.filter('faas');
  await expect(panel.item('LoyaltyPoints')).toBeVisible();
  await expect(panel.rows).toHaveCount(1);
  await panel.filter('nothing-like-this');
  await expect(panel.list.getByText('No integration matches')).toBeVisible();
});
