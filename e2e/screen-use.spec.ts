import type { Locator, Page } from '@playwright/test';
import { OWN_EXPORTS, OWN_SUPPORT_DESK } from '../src/server/cb-export/testing/own-exports';
import { expect, test } from './fixtures';

/*
 * Issue 26, point 7: the screen is used at every width. Wide screens lay the bots out in columns and keep the
 * Test panel against the form; a laptop sees Run test's results; a phone gets one bar per header and a draft
 * offer that fits; the diagram has an overview, shows a selected dialog whole and draws no node over another.
 */

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, 'drawn').not.toBeNull();
  return found!;
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test('at 1920 px the bots fill the width in columns, and the Test panel sits against the form', async ({
  page,
  request,
  demoBot,
  unique,
  panel,
  form,
}) => {
  for (const name of [`Wide A ${unique}`, `Wide B ${unique}`]) {
    expect((await request.post('/api/bots', { data: { name } })).status()).toBe(201);
  }
  await page.setViewportSize({ width: 1920, height: 1000 });
  await page.goto('/');
  const cards = page.getByTestId('bot-card');
  await expect(cards.filter({ hasText: `Wide B ${unique}` })).toBeVisible();
  const tops = await cards.evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
  // Two or more bots side by side on one row.
  expect(new Set(tops).size).toBeLessThan(tops.length);
  expect((await box(page.locator('.bot-list'))).width).toBeGreaterThan(1200);

  await panel.goto(demoBot.id);
  await panel.open('Escalation');
  await form.openTestPanel();
  const formBox = await box(form.root);
  const testBox = await box(form.testPanel);
  expect(Math.abs(testBox.x - (formBox.x + formBox.width)), 'gap between the form and the Test panel').toBeLessThanOrEqual(1);
  await expect(page).toHaveTitle(`Escalation · ${demoBot.name} · Integrations Panel`);
  await page.getByRole('navigation', { name: 'Bot sections' }).getByRole('link', { name: 'Dialogs' }).click();
  await expect(page).toHaveTitle(`Dialogs · ${demoBot.name} · Integrations Panel`);
});

test('at 1366 px Run test brings its results into view', async ({ page, demoBot, panel, form }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await panel.goto(demoBot.id);
  await panel.open('Escalation');
  const testPanel = await form.openTestPanel();
  await form.runTest();
  await expect(testPanel.getByTestId('test-results')).toBeInViewport();
});

test('at 390 px the bot header and the form header are one bar each, and the draft offer fits', async ({ page, demoBot, panel, form }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await panel.goto(demoBot.id);
  await panel.open('OrderStatus');
  // One row: the bot's tabs and the button with its name, side by side.
  const header = page.locator('.panel__header');
  expect((await box(header)).height, 'the bot header').toBeLessThanOrEqual(64);
  const fold = page.getByRole('button', { name: demoBot.name, expanded: false });
  const tabs = await box(page.getByRole('navigation', { name: 'Bot sections' }));
  const foldBox = await box(fold);
  expect(Math.abs(tabs.y + tabs.height / 2 - (foldBox.y + foldBox.height / 2))).toBeLessThanOrEqual(8);
  expect(tabs.x + tabs.width).toBeLessThanOrEqual(foldBox.x);
  // Its breadcrumb and actions fold under the bot's name, and open with it.
  await expect(page.getByRole('link', { name: 'Add Integration' })).toBeHidden();
  await fold.click();
  await expect(page.getByRole('link', { name: 'Add Integration' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Bots' })).toBeVisible();
  await page.getByRole('button', { name: demoBot.name, expanded: true }).click();

  const title = await box(page.getByRole('heading', { name: 'OrderStatus', level: 2 }));
  for (const name of ['History', 'Test', 'Save']) {
    const button = await box(form.root.locator('.form-header').getByRole('button', { name, exact: true }));
    expect(Math.abs(button.y + button.height / 2 - (title.y + title.height / 2)), `${name} beside the title`).toBeLessThanOrEqual(8);
  }

  await form.fill('URL', 'https://orders.example.com/v3/orders/{$botContext.orderNumber}');
  await expect(page.getByTestId('draft-status')).toHaveText('Kept in this browser');
  // The address names the integration: it opens again, its list folded on a phone.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'OrderStatus', level: 2 })).toBeVisible({ timeout: 30_000 });
  const offer = page.getByTestId('draft-offer');
  await expect(offer).toBeVisible();
  const offerBox = await box(offer);
  expect(offerBox.x).toBeGreaterThanOrEqual(0);
  expect(offerBox.x + offerBox.width).toBeLessThanOrEqual(390);
  for (const button of await offer.getByRole('button').all()) {
    const { x, width } = await box(button);
    expect(x + width).toBeLessThanOrEqual(offerBox.x + offerBox.width);
  }
  await noSidewaysScroll(page);
});

for (const width of [1366, 1920]) {
  test(`at ${width} px the dialogs diagram has an overview, no watermark, fits a selected dialog and overlaps no node`, async ({
    page,
    request,
    demoBot: _demoBot,
    dialogs,
  }) => {
    const response = await request.post('/api/bots/import', { data: JSON.parse(OWN_EXPORTS[OWN_SUPPORT_DESK]!) });
    expect(response.status(), await response.text()).toBe(201);
    const { bot } = (await response.json()) as { bot: { id: string } };
    await page.setViewportSize({ width, height: width === 1366 ? 768 : 1000 });
    await dialogs.goto(bot.id);
    await expect(dialogs.flow.locator('.react-flow__node-dialog')).toHaveCount(4);
    await expect(dialogs.flow.locator('.react-flow__minimap')).toBeVisible();
    await expect(dialogs.flow.locator('.react-flow__attribution')).toHaveCount(0);

    // Every interaction inside its dialog, none over another, once the drawn heights are known.
    await expect(async () => {
      const boxes = await dialogs.flow.locator('.react-flow__node').evaluateAll((nodes) =>
        nodes.map((node) => {
          const rect = node.getBoundingClientRect();
          return {
            id: node.getAttribute('data-id'),
            dialog: node.classList.contains('react-flow__node-dialog'),
            top: rect.top,
            bottom: rect.bottom,
            left: rect.left,
            right: rect.right,
          };
        }),
      );
      const interactions = boxes.filter((item) => !item.dialog);
      const dialogBoxes = boxes.filter((item) => item.dialog);
      for (const [index, a] of interactions.entries()) {
        for (const b of interactions.slice(index + 1)) {
          const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          expect(overlap, `${a.id} over ${b.id}`).toBe(false);
        }
        const holder = dialogBoxes.find((item) => item.left <= a.left + 1 && item.right >= a.right - 1 && item.top <= a.top + 1);
        expect(holder && holder.bottom >= a.bottom - 1, `${a.id} inside its dialog`).toBe(true);
      }
    }).toPass({ timeout: 15_000 });

    // A dialog opened by its address is shown whole.
    const list = (await (await request.get(`/api/bots/${bot.id}/dialogs`)).json()) as { items: { id: string; name: string }[] };
    const orderStatus = list.items.find((item) => item.name === 'Order status')!;
    await dialogs.goto(bot.id, orderStatus.id);
    const dialogNode = dialogs.flow.locator(`.react-flow__node[data-id$="${orderStatus.id}"]`);
    await expect(dialogNode).toBeInViewport({ ratio: 1 });
  });
}
