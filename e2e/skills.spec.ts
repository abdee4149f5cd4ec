import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

// Long flows on a machine shared by several test runs: give them room rather than flake.
test.slow();

test('manages the skill directory: add, a duplicate name on its field, search, rename, delete after confirmation', async ({
  page,
  demoBot,
  panel,
  skills,
  unique,
}) => {
  // The directory is shared by every test running beside this one: its own entries have unique names and ids.
  const digits = String(Date.now()).slice(-9);
  const [returnsId, duplicateId] = [`55${digits}0`, `55${digits}1`];
  const returns = `Returns ${unique}`;
  const refunds = `Returns and Refunds ${unique}`;
  const DEMO_SKILLS = ['Billing', 'Customer Care', 'Sales', 'Technical Support'];

  await panel.goto(demoBot.id);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Skills' }).click();
  await expect(page.getByRole('heading', { name: 'Skills', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Skills' })).toHaveAttribute('aria-current', 'page');
  expect(await skills.names()).toEqual(expect.arrayContaining(DEMO_SKILLS));
  await expectNoSeriousA11yViolations(page, 'the Skills page');

  await skills.add(returnsId, returns);
  await expect(skills.row(returns)).toContainText(returnsId);
  await expect(page.getByText(`Added ${returns} (${returnsId})`)).toBeVisible();
  // The form is ready for the next skill.
  await expect(skills.addForm.getByLabel('Skill id', { exact: true })).toHaveValue('');

  await skills.add(duplicateId, returns.toUpperCase());
  await expect(skills.errorOf('name')).toContainText('already used');
  await expect(skills.addForm.getByLabel('Skill name', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await skills.search(unique.toUpperCase());
  await expect(skills.table.getByRole('row')).toHaveCount(2);
  await skills.search('3402109733');
  await expect(skills.row('Technical Support')).toBeVisible();
  await expect(skills.table.getByRole('row')).toHaveCount(2);
  await skills.search('nothing like it');
  await expect(page.getByText('No skill matches “nothing like it”.')).toBeVisible();
  await skills.search('');

  await skills.rename(returns, refunds);
  await expect(skills.row(refunds)).toContainText(returnsId);

  const dialog = await skills.askToDelete(refunds);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(skills.row(refunds)).toBeVisible();
  let confirm = await skills.askToDelete(refunds);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(skills.row(refunds)).toHaveCount(0);
  // Undo in the toast adds it back with its id.
  await page
    .getByRole('listitem')
    .filter({ hasText: `Deleted ${refunds}` })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(page.getByText(`Restored ${refunds}`)).toBeVisible();
  await expect(skills.row(refunds)).toContainText(returnsId);
  confirm = await skills.askToDelete(refunds);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(skills.row(refunds)).toHaveCount(0);

  await page.reload();
  await expect(skills.table).toBeVisible();
  const names = await skills.names();
  expect(names).toEqual(expect.arrayContaining(DEMO_SKILLS));
  expect(names.filter((name) => name.includes(unique))).toEqual([]);
});

test('picks a skill in the Escalation form, warns about an unknown id, previews the transfer and saves', async ({
  page,
  request,
  demoBot,
  panel,
  form,
}) => {
  const list = await (await request.get(`/api/bots/${demoBot.id}/integrations?q=Escalation`)).json();
  const escalationId: string = list.items[0].id;
  await panel.goto(demoBot.id, escalationId);
  await expect(page.getByRole('heading', { name: 'Escalation', level: 2 })).toBeVisible({ timeout: 20_000 });
  const skillName = form.root.getByRole('combobox', { name: 'Agent Skill Name', exact: true });
  await skillName.fill('');
  await skillName.pressSequentially('bil');
  const options = page.getByRole('listbox', { name: 'Skills for Agent Skill Name' });
  await expect(options.getByRole('option')).toHaveText(['Billing 3402109731']);
  await expectNoSeriousA11yViolations(page, 'the Escalation form with the skill combobox open');
  await options.getByRole('option', { name: /Billing/ }).click();
  await expect(form.field('Agent Skill Name')).toHaveValue('Billing');
  await expect(form.field('Agent Skill Id')).toHaveValue('3402109731');
  await expect(form.unsavedIndicator).toHaveText('Unsaved changes');

  const section = page.getByTestId('transfer-preview-section');
  await section.getByText('Transfer preview', { exact: true }).click();
  const preview = page.getByTestId('transfer-preview');
  await expect(preview.getByTestId('preview-skill-id')).toHaveText('3402109731');
  await expect(preview.getByTestId('preview-action')).toContainText('transfers the conversation');
  await expect(preview.getByTestId('preview-message')).toHaveText('Hold on while I connect you with an agent.');
  await expect(preview.getByTestId('preview-checks')).toContainText('Agent Skill Name matches the directory ("Billing")');

  await form.fill('Agent Skill Id', '3402109799');
  await expect(page.getByTestId('warning-agentSkillId')).toContainText('Skill 3402109799 is not in the skill directory');
  await expect(form.field('Agent Skill Id')).toHaveAttribute('aria-invalid', 'false');
  await expect(preview.getByTestId('preview-skill-id')).toHaveText('3402109799');
  await expect(preview.getByTestId('preview-checks').locator('li[data-status="warn"]')).toContainText('Warning');
  await expect(preview.getByTestId('preview-body')).toContainText('"agentSkillId": "3402109799"');

  await form.fill('Message to User', 'One moment.\\nAn agent will join.');
  await expect(preview.getByTestId('preview-message')).toHaveText('One moment.\nAn agent will join.');

  // A warning does not block the save.
  await form.save();
  const stored = await (await request.get(`/api/bots/${demoBot.id}/integrations/${escalationId}`)).json();
  expect(stored).toMatchObject({
    agentSkillName: 'Billing',
    agentSkillId: '3402109799',
    messageToUser: 'One moment.\\nAn agent will join.',
  });
});
