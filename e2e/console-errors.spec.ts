import { expect, test } from './fixtures';
import { IntegrationFormPage } from './pages/integration-form-page';
import { PanelPage } from './pages/panel-page';

test('answers the app handles (409 a name taken, 412 a stale save, 404 a deleted integration) log no console error', async ({
  page,
  context,
  demoBot,
  panel,
  form,
  request,
  consoleErrors,
}) => {
  // 409: a name another integration has.
  await panel.goto(demoBot.id);
  await panel.addIntegration();
  await form.fill('Integration Name', 'orderstatus');
  await form.fill('Response Data Variable Name', 'OrderStatus2');
  await form.fill('Agent Skill Id', '42');
  await form.fill('Message to User', 'One moment.');
  await form.saveButton.click();
  await expect(form.errorOf('name')).toBeVisible();

  // 412: a save that finds a newer version, saved in another tab meanwhile.
  const other = await context.newPage();
  for (const each of [page, other]) {
    await new PanelPage(each).goto(demoBot.id);
    await new PanelPage(each).open('Escalation');
  }
  const theirs = new IntegrationFormPage(other);
  await theirs.fill('Agent Skill Name', 'Their Skill');
  await theirs.save();
  await form.fill('Agent Skill Name', 'My Skill');
  await form.saveButton.click();
  const dialog = page.getByRole('alertdialog', { name: 'Someone else saved this integration' });
  await dialog.getByRole('button', { name: 'Reload (discard mine)' }).click();
  await expect(form.field('Agent Skill Name')).toHaveValue('Their Skill');

  // 404: the address of an integration deleted elsewhere.
  const id = demoBot.integrationIds.FAQ!;
  const current = await request.get(`/api/bots/${demoBot.id}/integrations/${id}`);
  const deleted = await request.delete(`/api/bots/${demoBot.id}/integrations/${id}?force=true`, {
    headers: { 'if-match': current.headers().etag! },
  });
  expect(deleted.status()).toBe(204);
  await page.goto(`/bots/${demoBot.id}/integrations/${id}`);
  await expect(page.getByTestId('missing-integration')).toBeVisible();

  expect(consoleErrors).toEqual([]);
});

test('a script error in the page is still a console error', async ({ page, demoBot, panel, consoleErrors }) => {
  await panel.goto(demoBot.id);
  await page.evaluate(() => console.error('something the app did not expect'));
  await page.evaluate(() => setTimeout(() => void Promise.reject(new Error('thrown and not caught')), 0));
  await expect.poll(() => consoleErrors.length).toBe(2);
  expect(consoleErrors[0]).toContain('something the app did not expect');
  expect(consoleErrors[1]).toContain('thrown and not caught');
});
