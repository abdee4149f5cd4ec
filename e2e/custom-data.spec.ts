import { expect, test } from './fixtures';

test('reordered and removed custom data rows keep their order after save and reload', async ({ page, form, openIntegration }) => {
  await openIntegration('Escalation');
  expect(await form.customDataKeys()).toEqual(['queuePosition', 'estimatedWait']);
  await form.addCustomDataField('agentName', '{$.api_Escalation.agent.name}');
  await form.addCustomDataField('skill', '{$.api_Escalation.skill}');

  await form.moveUp(3); // queuePosition, agentName, estimatedWait, skill
  await form.moveUp(2); // agentName, queuePosition, estimatedWait, skill
  await form.removeRow(2); // agentName, estimatedWait, skill
  expect(await form.customDataKeys()).toEqual(['agentName', 'estimatedWait', 'skill']);
  await form.save();

  await page.reload();
  expect(await form.customDataKeys()).toEqual(['agentName', 'estimatedWait', 'skill']);
  await expect(form.value(1)).toHaveValue('{$.api_Escalation.agent.name}');
});

test('a duplicate key marks its own row', async ({ form, openIntegration }) => {
  await openIntegration('Escalation');
  await form.addCustomDataField('queuePosition', '{$.api_Escalation.other}');
  await form.saveButton.click();
  await expect(form.page.getByTestId('cdf-error-3')).toContainText('used by another row');
  await expect(form.key(3)).toHaveAttribute('aria-invalid', 'true');
  await expect(form.key(1)).toHaveAttribute('aria-invalid', 'false');
  await form.key(3).fill('otherPosition');
  await expect(form.page.getByTestId('cdf-error-3')).toBeHidden();
});
