import { expect, test } from './fixtures';

test('an invalid skill id shows its error under the field, and the error clears as soon as it is fixed', async ({
  form,
  openIntegration,
}) => {
  await openIntegration('Escalation');
  const skillId = form.field('Agent Skill Id');
  await skillId.fill('12 monkeys');
  await skillId.blur();
  await expect(form.errorOf('agentSkillId')).toContainText('positive whole number');
  await expect(skillId).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await skillId.getAttribute('aria-describedby');
  expect(describedBy).toContain(await form.errorOf('agentSkillId').getAttribute('id'));

  await skillId.fill('{$botContext.skillId}');
  await expect(form.errorOf('agentSkillId')).toBeHidden();
  await expect(skillId).toHaveAttribute('aria-invalid', 'false');
});

test('a duplicate name reported by the server lands on the name field', async ({ page, demoBot, panel, form }) => {
  await panel.goto(demoBot.id);
  await panel.addIntegration();
  await form.fill('Integration Name', 'orderstatus');
  await form.fill('Response Data Variable Name', 'OrderStatus2');
  await form.fill('Agent Skill Id', '42');
  await form.fill('Message to User', 'One moment.');
  await form.saveButton.click();
  await expect(form.errorOf('name')).toBeVisible();
  await expect(form.field('Integration Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.field('Integration Name')).toBeFocused();
  await expect(page).toHaveURL(/\/new$/);

  await form.fill('Integration Name', 'OrderStatusAgent');
  await expect(form.errorOf('name')).toBeHidden();
  await form.save();
});

test('a script that does not parse shows a Monaco marker at its line and the error under the field', async ({ demoBot, panel, form }) => {
  await panel.goto(demoBot.id);
  await panel.addIntegration();
  await form.typeScript(['var ok = 1;', 'var broken = ;']);
  await expect(form.errorOf('transformScript')).toContainText('line 2');
  await expect(form.root.locator('.monaco-editor .squiggly-error')).toHaveCount(1);

  await form.typeScript(['var ok = 1;', 'var fixed = 2;']);
  await expect(form.errorOf('transformScript')).toBeHidden();
  await expect(form.root.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
});
