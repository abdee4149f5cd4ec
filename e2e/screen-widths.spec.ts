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
    // Every link of the top bar can be reached: from a tablet up they all fit in the bar; on a phone, scrolled
    // into view, each lies inside the window.
    const nav = page.getByRole('navigation', { name: 'Main' });
    if (width >= 768) {
      expect(await nav.evaluate((element) => element.scrollWidth - element.clientWidth), `links cut off at ${width} px`).toBe(0);
    }
    for (const link of await nav.getByRole('link').all()) {
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

test('on a phone the keyboard keeps its place in the picker: a pick or Escape folds it and the focus is on the picker', async ({
  page,
  demoBot,
  panel,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await panel.goto(demoBot.id);
  // Enter on a row opens the integration and folds the list: the focus goes to the picker, not to the page.
  await panel.item('Escalation').focus();
  await page.keyboard.press('Enter');
  const picker = page.getByRole('button', { name: 'Integrations: Escalation' });
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
  await expect(picker).toBeFocused();

  // Opened again, Escape folds it from anywhere inside and gives the focus back to the picker.
  await page.keyboard.press('Enter');
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  await panel.item('FAQ').focus();
  await page.keyboard.press('Escape');
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
  await expect(picker).toBeFocused();
});

for (const [width, height] of [
  [844, 390],
  [320, 256],
] as const) {
  test(`in a short window (${width} × ${height} px: a phone on its side, a zoomed browser) the list and the form get the height under the top bar`, async ({
    page,
    demoBot,
    panel,
    form,
  }) => {
    await page.setViewportSize({ width, height });
    await panel.goto(demoBot.id);
    // The bot's header scrolls away with the content under the top bar; the page itself still does not scroll.
    await panel.open('Escalation');
    await expect(form.field('Integration Name')).toHaveValue('Escalation');
    await page.locator('#main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
    const picker = await page.getByRole('button', { name: 'Integrations: Escalation' }).boundingBox();
    const detail = await page.locator('.panel__detail').boundingBox();
    expect(picker && detail && detail.y + detail.height - picker.y).toBeGreaterThanOrEqual(height - 52 - 1);
    await expectNoPageScroll(page, 'the form');
  });
}

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
