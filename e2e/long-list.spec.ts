import { anIntegrationInput } from '../src/domain/samples';
import { expect, test } from './fixtures';

const COUNT = 520; // more than one page of 500

test('a long list is virtual and loads its next page while scrolling', async ({ request, emptyBot: bot, panel }) => {
  const names = Array.from({ length: COUNT }, (_, index) => `Transfer_${String(index).padStart(4, '0')}`);
  for (let start = 0; start < names.length; start += 20) {
    await Promise.all(
      names.slice(start, start + 20).map((name) =>
        request.post(`/api/bots/${bot.id}/integrations`, {
          data: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name }),
        }),
      ),
    );
  }

  await panel.goto(bot.id);
  await expect(panel.item('Transfer_0000')).toBeVisible();
  // Only the rows in view (plus a few) are in the DOM.
  expect(await panel.list.getByRole('listitem').count()).toBeLessThan(60);

  const scroller = panel.page.getByTestId('integrations-scroller');
  await expect(async () => {
    await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await expect(panel.item(names.at(-1) ?? '')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});
