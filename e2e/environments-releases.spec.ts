import { expect, test } from './fixtures';

test.slow();

test('environments and releases: {$env.SKILL_ID} resolves per bot, a missing variable stops the release, release, roll back', async ({
  page,
  request,
  demoBot,
  panel,
  openIntegration,
  form,
}) => {
  const prod = (await (await request.post('/api/bots', { data: { name: 'Prod bot' } })).json()) as { id: string };
  await request.post(`/api/bots/${prod.id}/dialogs/escalation-failure`, { data: { message: 'Nobody is free right now.' } });

  // Two environments, made on the Environments screen.
  await panel.goto(demoBot.id);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Environments' }).click();
  await expect(page.getByRole('heading', { name: 'Environments', level: 1 })).toBeVisible();
  for (const name of ['Sandbox', 'Production']) {
    await page.getByLabel('Environment name').fill(name);
    await page.getByRole('button', { name: 'Add environment' }).click();
    await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  }
  const sandbox = page.getByRole('region', { name: 'Sandbox' });
  await sandbox.getByRole('button', { name: 'Add variable' }).click();
  await sandbox.getByLabel('Variable 1 name').fill('SKILL_ID');
  await sandbox.getByLabel('Variable 1 value').fill('3402109731');
  await sandbox.getByRole('button', { name: 'Save Sandbox' }).click();
  await expect(page.getByText('Saved Sandbox')).toBeVisible();

  // Each bot points at its environment from its header: the demo bot is the dev bot.
  await panel.goto(prod.id);
  await page.getByRole('combobox', { name: 'Bot environment' }).selectOption({ label: 'Production' });
  await expect(page.getByRole('combobox', { name: 'Bot environment' })).toHaveValue(/.+/);
  await panel.goto(demoBot.id);
  await page.getByRole('combobox', { name: 'Bot environment' }).selectOption({ label: 'Sandbox' });
  await expect(page.getByRole('combobox', { name: 'Bot environment' })).not.toBeDisabled();
  await openIntegration('Escalation');

  // The escalation skill from the environment, completed with the keyboard; the form shows what it resolves to here.
  const skillId = form.field('Agent Skill Id');
  await skillId.fill('');
  await skillId.pressSequentially('{$env.SK');
  const variables = page.getByRole('listbox', { name: 'Variables of Sandbox' });
  await expect(variables.getByRole('option')).toHaveText(['{$env.SKILL_ID} 3402109731']);
  await page.keyboard.press('Enter');
  await expect(skillId).toHaveValue('{$env.SKILL_ID}');
  await expect(variables).toBeHidden();
  await expect(page.getByTestId('env-resolved-agentSkillId-value')).toHaveText('3402109731');
  // Multi-line fields complete too, and a name the environment lacks is said beside the field.
  const message = form.field('Message to User');
  if (await message.isDisabled()) await page.getByText('Send no message').click();
  await message.fill('');
  await message.pressSequentially('Queue {$env.');
  await expect(variables).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(variables).toBeHidden();
  await message.pressSequentially('QUEUE}');
  await expect(page.getByTestId('env-resolved-messageToUser')).toContainText('{$env.QUEUE} is not in Sandbox');
  await message.fill('One moment.');

  // The Test panel runs with the bot's environment by default, and can pick another: the form reads it too.
  const testPanel = await form.openTestPanel();
  const runWith = testPanel.getByRole('combobox', { name: 'Environment', exact: true });
  await expect(runWith).toHaveValue('bot');
  await runWith.selectOption({ label: 'Production' });
  await expect(page.getByTestId('env-resolved-agentSkillId')).toContainText('{$env.SKILL_ID} is not in Production');
  await runWith.selectOption({ value: 'bot' });
  await expect(page.getByTestId('env-resolved-agentSkillId-value')).toHaveText('3402109731');
  await form.save();

  // Release into the prod bot: Production lacks SKILL_ID, which stops it.
  const openRelease = async () => {
    await page.getByRole('button', { name: 'Release…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Release / });
    await dialog.getByRole('combobox', { name: 'Target bot' }).selectOption({ label: 'Prod bot' });
    const boxes = dialog.getByRole('group', { name: 'Integrations' }).getByRole('checkbox');
    await expect(boxes.first()).toBeVisible();
    for (const box of await boxes.all()) {
      const name = (await box.evaluate((element) => element.parentElement?.textContent ?? '')).trim();
      if (name !== 'Escalation') await box.uncheck();
    }
    await dialog.getByRole('button', { name: 'Show the plan' }).click();
    await expect(dialog.getByTestId('release-plan')).toBeVisible();
    return dialog;
  };
  let dialog = await openRelease();
  await expect(dialog.getByRole('list', { name: 'Problems' })).toContainText('{$env.SKILL_ID} is not a variable of "Production"');
  await expect(dialog.getByRole('button', { name: 'Release', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Add it, then release.
  await page.goto('/environments');
  const production = page.getByRole('region', { name: 'Production' });
  await production.getByRole('button', { name: 'Add variable' }).click();
  await production.getByLabel('Variable 1 name').fill('SKILL_ID');
  await production.getByLabel('Variable 1 value').fill('3402109730');
  await production.getByRole('button', { name: 'Save Production' }).click();
  await expect(page.getByText('Saved Production')).toBeVisible();

  await panel.goto(demoBot.id);
  dialog = await openRelease();
  await expect(dialog.getByTestId('release-no-problems')).toBeVisible();
  await dialog.getByLabel('Note').fill('Skill from the environment');
  await dialog.getByRole('button', { name: 'Release', exact: true }).click();
  await expect(page.getByText('Released as release 1')).toBeVisible();

  const copy = (await (await request.get(`/api/bots/${prod.id}/integrations`)).json()) as { items: Array<{ id: string; name: string }> };
  expect(copy.items.map((item) => item.name)).toEqual(['Escalation']);

  // The Releases tab lists it with its diff, and rolls it back.
  await page.getByRole('navigation', { name: 'Bot sections' }).getByRole('link', { name: 'Releases' }).click();
  await expect(page.getByRole('heading', { name: 'Release 1 from this bot' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Changes to Escalation' })).toContainText('{$env.SKILL_ID}');
  await page.getByRole('button', { name: 'Roll back release 1' }).click();
  await expect(page.getByText('Rolled back release 1 (release 2)')).toBeVisible();
  const after = (await (await request.get(`/api/bots/${prod.id}/integrations`)).json()) as { items: unknown[] };
  expect(after.items).toEqual([]);
});
