import { expect, test } from './fixtures';

test('on a slow network the list and the form show skeletons, never a blank pane', async ({ page, demoBot, panel }) => {
  // Longer than the app takes to start on a busy machine: the list's request leaves with the page (a
  // preload in its HTML), and an answer that arrives before the first render leaves no skeleton to see.
  const slow = (pattern: RegExp) =>
    page.route(pattern, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      await route.continue();
    });
  await slow(/\/api\/bots\/[^/]+\/integrations(\?.*)?$/);
  await page.goto(`/bots/${demoBot.id}/integrations`);
  const listSkeleton = panel.list.getByRole('status').filter({ hasText: 'Loading integrations…' });
  await expect(listSkeleton).toBeVisible();
  await expect(listSkeleton.locator('.skeleton__bar').first()).toBeVisible();
  await expect(panel.item('Escalation')).toBeVisible();
  await expect(listSkeleton).toHaveCount(0);

  await slow(/\/api\/bots\/[^/]+\/integrations\/[^/?]+$/);
  await panel.item('FAQ').click();
  // The row is marked at once, while its form is still on its way.
  await expect(panel.item('FAQ')).toHaveAttribute('aria-current', 'page');
  const formSkeleton = page.getByRole('status').filter({ hasText: 'Loading the integration…' });
  await expect(formSkeleton).toBeVisible();
  await expect(page.getByRole('heading', { name: 'FAQ', level: 2 })).toBeVisible();
});
