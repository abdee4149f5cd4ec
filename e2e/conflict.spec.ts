import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { IntegrationFormPage } from './pages/integration-form-page';
import { PanelPage } from './pages/panel-page';

async function openBoth(first: Page, second: Page, botId: string) {
  for (const page of [first, second]) {
    const panel = new PanelPage(page);
    await panel.goto(botId);
    await panel.open('Escalation');
  }
  return { mine: new IntegrationFormPage(first), theirs: new IntegrationFormPage(second) };
}

test('a stale save gets the conflict dialog; Reload discards mine and shows theirs', async ({ page, context, demoBot }) => {
  const other = await context.newPage();
  const { mine, theirs } = await openBoth(page, other, demoBot.id);
  await theirs.fill('Agent Skill Name', 'Their Skill');
  await theirs.save();

  await mine.fill('Agent Skill Name', 'My Skill');
  await mine.saveButton.click();
  const dialog = page.getByRole('alertdialog', { name: 'Someone else saved this integration' });
  await expect(dialog).toBeVisible();
  // The edits stay in the form until the user decides.
  await expect(mine.field('Agent Skill Name')).toHaveValue('My Skill');

  await dialog.getByRole('button', { name: 'Reload (discard mine)' }).click();
  await expect(dialog).toBeHidden();
  await expect(mine.field('Agent Skill Name')).toHaveValue('Their Skill');
  await expect(mine.unsavedIndicator).toHaveText('');
  // And the reloaded version saves cleanly.
  await mine.fill('Agent Skill Id', '777');
  await mine.save();
});

test('a stale save of the same field asks about it alone; keeping mine saves it on top of theirs', async ({
  page,
  context,
  demoBot,
  request,
}) => {
  const other = await context.newPage();
  const { mine, theirs } = await openBoth(page, other, demoBot.id);
  await theirs.fill('Agent Skill Name', 'Their Skill');
  await theirs.save();

  await mine.fill('Agent Skill Name', 'My Skill');
  await mine.saveButton.click();
  const dialog = page.getByRole('alertdialog', { name: 'Someone else saved this integration' });
  await expect(dialog.getByTestId('merge-conflict')).toHaveCount(1);
  await expect(dialog.getByRole('group', { name: 'Agent Skill Name' })).toBeVisible();
  await dialog.getByRole('radio', { name: /Keep mine/ }).check();
  await dialog.getByRole('button', { name: 'Save merged' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await expect(mine.field('Agent Skill Name')).toHaveValue('My Skill');

  const list = await (await request.get(`/api/bots/${demoBot.id}/integrations?q=Escalation`)).json();
  const stored = await (await request.get(`/api/bots/${demoBot.id}/integrations/${list.items[0].id}`)).json();
  expect(stored.agentSkillName).toBe('My Skill');
  expect(stored.version).toBe(3);
});
