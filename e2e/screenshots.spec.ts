import { expect, showTheme, test } from './fixtures';

// Run with SCREENSHOTS=1 (see docs/testing.md): refreshes the pictures in docs/ from the demo data.
// The pictures show the demo bot's own name, not a test's prefix.
test.use({ botPrefix: '' });

test('screenshots of the bots page, the panel and the form for docs/', async ({ page, demoBot, form, openIntegration }) => {
  await page.goto(`/bots/${demoBot.id}/integrations`);
  await page.getByRole('link', { name: 'Bots' }).click();
  await expect(page.getByRole('list', { name: 'Bots' })).toBeVisible();
  await page.screenshot({ path: 'docs/bots.png' });

  await openIntegration('Escalation');
  await expect(form.root.locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: 'docs/panel.png' });

  await page.locator('.panel__detail').evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await page.screenshot({ path: 'docs/form-script-and-custom-data.png' });

  await page.setViewportSize({ width: 768, height: 1024 });
  await page.locator('.panel__detail').evaluate((element) => element.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/panel-768.png' });

  // The same form in the dark theme, at the width the README's first picture has.
  await page.setViewportSize({ width: 1280, height: 800 });
  await showTheme(page, 'dark');
  await page.screenshot({ path: 'docs/panel-dark.png' });
});
