import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { anIntegrationInput } from '../src/domain/samples';
import { expect, test } from './fixtures';

const WIDTHS = [390, 768, 1280, 1920] as const;

/** Neither way does the page itself scroll: the top bar stays, the list and the form scroll inside. */
async function expectNoPageScroll(page: Page, what: string): Promise<void> {
  const size = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
  }));
  expect(size.scrollWidth, `${what}: scrolls sideways`).toBeLessThanOrEqual(size.innerWidth);
  expect(size.scrollHeight, `${what}: the page itself scrolls`).toBeLessThanOrEqual(size.innerHeight);
}

/** With SCREENSHOTS=1 the pictures are kept in docs/screen-widths/; otherwise they go with the test's report. */
async function picture(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS === '1') {
    mkdirSync('docs/screen-widths', { recursive: true });
    await page.screenshot({ path: `docs/screen-widths/${name}.png` });
  } else {
    await test.info().attach(name, { body: await page.screenshot(), contentType: 'image/png' });
  }
}

for (const width of WIDTHS) {
  test(`at ${width} px nothing scrolls sideways and the page stays put: bots, the form, the form with the Test panel`, async ({
    page,
    demoBot,
    panel,
    form,
  }) => {
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    await page.goto('/');
    await expect(page.getByRole('link', { name: demoBot.name })).toBeVisible();
    await expectNoPageScroll(page, 'bots');
    // Every link of the top bar can be reached: scrolled into view, it lies inside the window.
    for (const link of await page.getByRole('navigation', { name: 'Main' }).getByRole('link').all()) {
      await link.scrollIntoViewIfNeeded();
      const box = await link.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= width, `${await link.textContent()} at ${width} px`).toBe(true);
    }
    await picture(page, `bots-${width}`);

    await panel.goto(demoBot.id);
    if (width < 900) await page.getByRole('button', { name: 'Integrations', expanded: true }).waitFor();
    await panel.open('Escalation');
    await expect(form.root.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
    await expectNoPageScroll(page, 'the form');
    await picture(page, `form-${width}`);

    await form.openTestPanel();
    await expectNoPageScroll(page, 'the form with the Test panel');
    // Beside the Test panel the form's fields keep a usable width: none is squeezed under 260 px.
    const narrowest = await page
      .locator('.form-grid input.input:visible')
      .evaluateAll((inputs) => Math.min(...inputs.map((input) => input.getBoundingClientRect().width)));
    expect(narrowest).toBeGreaterThanOrEqual(260);
    await picture(page, `form-test-${width}`);
  });
}

test('on a phone the list folds into a picker above the form', async ({ page, demoBot, panel }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await panel.goto(demoBot.id);
  // The panel's own page shows the list; opening an integration folds it and names what is open.
  await panel.open('Escalation');
  const picker = page.getByRole('button', { name: 'Integrations: Escalation' });
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
  await expect(panel.item('FAQ')).toBeHidden();

  await picker.click();
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  await panel.open('FAQ');
  await expect(page.getByRole('button', { name: 'Integrations: FAQ' })).toHaveAttribute('aria-expanded', 'false');
  await expect(panel.item('Escalation')).toBeHidden();
});

test('a name too long for the list shows in full on hover and on keyboard focus', async ({ page, demoBot, panel }) => {
  const name = 'CustomerLoyaltyPointsBalanceLookupForPremiumMembers';
  const created = await page.request.post(`/api/bots/${demoBot.id}/integrations`, {
    data: anIntegrationInput('API', { name }),
  });
  expect(created.status(), await created.text()).toBe(201);
  await page.setViewportSize({ width: 1280, height: 900 });
  await panel.goto(demoBot.id);

  const full = page.getByTestId('integration-full-name');
  // The rows' tooltips arrive once the list is shown: a pointer already resting on the row needs to move, as a person's does.
  await expect(async () => {
    await page.mouse.move(0, 0);
    await panel.item(name).hover();
    await expect(full).toHaveText(`${name} · API`, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.mouse.move(900, 600, { steps: 5 });
  await expect(full).toBeHidden();

  // A name that fits shows no tooltip.
  await panel.item('FAQ').hover();
  await page.waitForTimeout(700);
  await expect(full).toBeHidden();

  await panel.item(name).focus();
  await expect(full).toHaveText(`${name} · API`);
});
