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

  // Each bot points at its environment from its header.
  await panel.goto(prod.id);
  await page.getByRole('combobox', { name: 'Environment' }).selectOption({ label: 'Production' });
  await expect(page.getByRole('combobox', { name: 'Environment' })).toHaveValue(/.+/);
  await openIntegration('Escalation');
  await page.getByRole('combobox', { name: 'Environment', exact: true }).selectOption({ label: 'Sandbox' });
  await expect(page.getByRole('combobox', { name: 'Environment', exact: true })).not.toBeDisabled();

  // The escalation skill from the environment: the form shows what it resolves to here.
  await form.fill('Agent Skill Id', '{$env.SKILL_ID}');
  await expect(page.getByTestId('env-resolved-agentSkillId')).toHaveText('3402109731');
  // Text fields complete {$env. with the environment's names.
  await expect(form.field('Agent Id')).toHaveAttribute('list', 'env-variable-completion');
  await expect(page.getByTestId('env-completion').locator('option')).toHaveAttribute('value', '{$env.SKILL_ID}');
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
