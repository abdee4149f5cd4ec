import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { IntegrationFormPage } from './pages/integration-form-page';
import { PanelPage } from './pages/panel-page';

const SCRIPT = [
  "var order = JSON.parse(botContext.getBotVariable('api_OrderStatus').jsonData);",
  "botContext.setBotVariable('eta', order.eta, true, false);",
];

/** Every draft this page's origin keeps in IndexedDB, read the way the app stores them. */
function storedDrafts(page: Page): Promise<{ key: { integrationId: string }; values: Record<string, unknown> }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('integrations-panel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('drafts')) return resolve([]);
          const all = db.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

test('edits survive a closed tab: restored when the integration opens again, then saved with every edit', async ({
  page,
  context,
  request,
  demoBot,
  form,
  openIntegration,
}) => {
  await openIntegration('OrderStatus');
  await form.fill('URL', 'https://orders.example.com/v2/orders/{$botContext.orderNumber}');
  await form.fill('Response Data Variable Name', 'OrderStatusV2');
  await form.value(2).fill('{$.api_OrderStatusV2.delivery.eta}');
  await form.typeScript(SCRIPT);
  await expect(page.getByTestId('draft-status')).toHaveText('Kept in this browser');

  // Kept while typing, not when the tab goes: the draft has every edit before the page is closed.
  await expect.poll(async () => (await storedDrafts(page)).map((draft) => draft.values.transformScript)).toEqual([SCRIPT.join('\n')]);
  const [draft] = await storedDrafts(page);
  expect(draft?.values).toMatchObject({
    url: 'https://orders.example.com/v2/orders/{$botContext.orderNumber}',
    responseDataVariable: 'OrderStatusV2',
  });
  // No beforeunload, no pagehide work to wait for: as a crash or a killed tab.
  await page.close({ runBeforeUnload: false });

  // The same browser profile (IndexedDB lives in the context), a new tab.
  const again = await context.newPage();
  const panelAgain = new PanelPage(again);
  const formAgain = new IntegrationFormPage(again);
  await panelAgain.goto(demoBot.id);
  await panelAgain.open('OrderStatus', 30_000);
  const offer = again.getByTestId('draft-offer');
  await expect(offer).toContainText('4 fields differ from the stored version');
  await expect(offer).toContainText('Response Data Variable Name, URL');
  await expect(offer).toContainText('Custom Data Fields');
  await expect(offer).toContainText('Transform Result Script');
  await expect(formAgain.field('URL')).toHaveValue('https://orders.example.com/api/orders/{$botContext.orderNumber}');
  await offer.getByRole('button', { name: /^Restore unsaved changes from / }).click();
  await expect(offer).toBeHidden();
  await expect(formAgain.field('URL')).toHaveValue('https://orders.example.com/v2/orders/{$botContext.orderNumber}');
  expect(await formAgain.scriptText()).toBe(SCRIPT.join('\n'));
  // The demo's dialogs read api_OrderStatus: the restored new variable name goes through the rename preview.
  await formAgain.saveButton.click();
  await again
    .getByRole('alertdialog', { name: 'Change the response data variable of OrderStatus?' })
    .getByRole('button', { name: 'Rename and save' })
    .click();
  await expect(again.getByText('Saved', { exact: true }).last()).toBeVisible();

  const list = await (await request.get(`/api/bots/${demoBot.id}/integrations?q=OrderStatus`)).json();
  const stored = await (await request.get(`/api/bots/${demoBot.id}/integrations/${list.items[0].id}`)).json();
  expect(stored).toMatchObject({
    url: 'https://orders.example.com/v2/orders/{$botContext.orderNumber}',
    responseDataVariable: 'OrderStatusV2',
    // The rename rewrote what the restored draft still read of the old variable, as its preview said.
    transformScript: SCRIPT.join('\n').replace("'api_OrderStatus'", "'api_OrderStatusV2'"),
    customDataFields: [
      { key: 'status', value: '{$.api_OrderStatusV2.status}' },
      { key: 'eta', value: '{$.api_OrderStatusV2.delivery.eta}' },
    ],
  });
  // Saved: nothing left to offer.
  await expect.poll(async () => (await storedDrafts(again)).length).toBe(0);
});
