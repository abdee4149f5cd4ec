import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { IntegrationFormPage } from './pages/integration-form-page';
import { PanelPage } from './pages/panel-page';

/** A second person: a browser context of its own (its own tab id, storage and stream). */
async function secondPerson(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

async function openEscalation(page: Page, botId: string): Promise<IntegrationFormPage> {
  const panel = new PanelPage(page);
  await panel.goto(botId);
  await panel.open('Escalation');
  return new IntegrationFormPage(page);
}

async function storedEscalation(request: import('@playwright/test').APIRequestContext, botId: string) {
  const list = await (await request.get(`/api/bots/${botId}/integrations?q=Escalation`)).json();
  return (await request.get(`/api/bots/${botId}/integrations/${list.items[0].id}`)).json();
}

test('two people edit different fields and both save: both edits are stored and nobody is asked', async ({
  page,
  browser,
  baseURL,
  demoBot,
  request,
}) => {
  const other = await secondPerson(browser, baseURL);
  const mine = await openEscalation(page, demoBot.id);
  const theirs = await openEscalation(other, demoBot.id);
  await theirs.fill('Agent Skill Name', 'Their Skill');
  await mine.fill('Message to User', 'One moment please');
  await theirs.save();
  // Said at once in the other form, before its own Save.
  await expect(page.getByRole('status').filter({ hasText: /^Another tab saved version \d+: Agent Skill Name$/ })).toBeVisible();
  await mine.saveButton.click();
  await expect(page.getByText('Saved', { exact: true }).last()).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  const stored = await storedEscalation(request, demoBot.id);
  expect(stored).toMatchObject({ agentSkillName: 'Their Skill', messageToUser: 'One moment please', version: 3 });
  await other.context().close();
});

test('two people edit the same field: the second sees that field alone and picks', async ({ page, browser, baseURL, demoBot, request }) => {
  const other = await secondPerson(browser, baseURL);
  const mine = await openEscalation(page, demoBot.id);
  const theirs = await openEscalation(other, demoBot.id);
  await theirs.fill('Agent Skill Name', 'Their Skill');
  await theirs.fill('Agent Skill Id', '4242');
  await theirs.save();
  await mine.fill('Agent Skill Name', 'My Skill');
  await mine.saveButton.click();
  const dialog = page.getByRole('alertdialog', { name: 'Someone else saved this integration' });
  await expect(dialog.getByTestId('merge-conflict')).toHaveCount(1);
  await dialog
    .getByRole('group', { name: 'Agent Skill Name' })
    .getByRole('radio', { name: /Take theirs/ })
    .check();
  await dialog.getByRole('button', { name: 'Save merged' }).click();
  await expect(dialog).toBeHidden();
  await expect(mine.field('Agent Skill Name')).toHaveValue('Their Skill');
  expect(await storedEscalation(request, demoBot.id)).toMatchObject({ agentSkillName: 'Their Skill', agentSkillId: '4242', version: 3 });
  await other.context().close();
});

test('presence shows the other person on the integration and on the field', async ({ page, browser, baseURL, demoBot }) => {
  const other = await secondPerson(browser, baseURL);
  await openEscalation(page, demoBot.id);
  const theirs = await openEscalation(other, demoBot.id);
  await theirs.field('Message to User').focus();
  await expect(page.getByTestId('presence')).toHaveText('Also here: Another tab (in Message to User)');
  await expect(page.getByTestId('field-messageToUser')).toHaveClass(/field--someone-here/);
  await other.close();
  await expect(page.getByTestId('presence')).toHaveCount(0);
  await other.context().close();
});

test("a save in one context shows in the other's list within a second", async ({ page, browser, baseURL, demoBot }) => {
  const other = await secondPerson(browser, baseURL);
  const panel = new PanelPage(page);
  await panel.goto(demoBot.id);
  const theirs = await openEscalation(other, demoBot.id);
  // `has` is read inside each row: the link by its name, as the panel's list names it.
  const row = panel.list.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Escalation\b/ }) });
  await expect(row).toBeVisible();
  await theirs.fill('Agent Skill Name', 'Live Skill');
  // From the server's answer to the save (the first save of a page loads the form's checks first); the mark
  // lasts 2.5 s, which waiting for the other page's toast could outlast.
  const saved = other.waitForResponse((response) => response.request().method() === 'PUT' && response.ok());
  await theirs.saveButton.click();
  await saved;
  await expect(row).toHaveClass(/integration-item--changed/, { timeout: 1_000 });
  await expect(other.getByText('Saved', { exact: true }).last()).toBeVisible();
  await other.context().close();
});
