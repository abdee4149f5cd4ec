import type { Page } from '@playwright/test';
import { OWN_EXPORTS, OWN_SUPPORT_DESK } from '../src/server/cb-export/testing/own-exports';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

/** The page's background as drawn: the body's, which every screen sits on. */
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT_BACKGROUND = 'rgb(245, 247, 251)';
const DARK_BACKGROUND = 'rgb(13, 19, 32)';

test('the theme follows the system setting until one is chosen in the top bar, by keyboard, kept across a reload', async ({
  page,
  demoBot,
  panel,
  form,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await panel.goto(demoBot.id);
  await panel.open('Escalation');
  const editor = form.root.locator('.monaco-editor').first();
  await expect(editor).toBeVisible({ timeout: 30_000 });
  expect(await background(page)).toBe(DARK_BACKGROUND);
  await expect(editor).toHaveClass(/\bvs-dark\b/);

  // The system turning light takes the page and Monaco with it, live.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(editor).not.toHaveClass(/\bvs-dark\b/);
  expect(await background(page)).toBe(LIGHT_BACKGROUND);

  // Chosen with the keyboard: the button is in the top bar's tab order and names the choice.
  const button = page.getByRole('button', { name: 'Theme: System' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: 'System' })).toBeFocused();
  // Arrows move through the radio group and choose as they go: System → Light → Dark.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await page.keyboard.press('Escape');
  const chosen = page.getByRole('button', { name: 'Theme: Dark' });
  await expect(chosen).toBeFocused();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(editor).toHaveClass(/\bvs-dark\b/);
  await expectNoSeriousA11yViolations(page, 'the form in the chosen dark theme');

  // A choice outranks the system setting and is kept by the browser.
  await page.reload();
  await expect(form.field('Integration Name')).toHaveValue('Escalation');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).toBe(DARK_BACKGROUND);
  await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeVisible();
});

test('a chosen theme is drawn from the first paint, before the app has loaded', async ({ page, demoBot: _demoBot, bots }) => {
  await bots.goto();
  await page.getByRole('button', { name: 'Theme: System' }).click();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.keyboard.press('Escape');

  // Hold the app's code back: what shows meanwhile is the page the stylesheets draw, already dark.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  await page.waitForFunction(() => document.body !== null && document.styleSheets.length > 0);
  await expect(page.locator('#root')).toBeEmpty();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await background(page)).toBe(DARK_BACKGROUND);
  release();
  await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeVisible();
});

test('the dialogs diagram is drawn dark in the dark theme and passes axe in both', async ({
  page,
  request,
  demoBot: _demoBot,
  dialogs,
}) => {
  const response = await request.post('/api/bots/import', { data: JSON.parse(OWN_EXPORTS[OWN_SUPPORT_DESK]!) });
  expect(response.status(), await response.text()).toBe(201);
  const { bot } = (await response.json()) as { bot: { id: string } };
  await page.emulateMedia({ colorScheme: 'dark' });
  await dialogs.goto(bot.id);
  await expect(dialogs.flow.locator('.react-flow__node-dialog').first()).toBeVisible();
  await expect(dialogs.flow.locator('.react-flow')).toHaveClass(/\bdark\b/);
  await expectNoSeriousA11yViolations(page, 'the dialogs flow');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(dialogs.flow.locator('.react-flow')).toHaveClass(/\blight\b/);
});
