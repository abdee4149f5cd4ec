import { expect, test } from './fixtures';

const SCRIPT = [
  "var result = botContext.getBotVariable('api_HandOver');",
  'var data = JSON.parse(result.jsonData).api_HandOver;',
  "botContext.setBotVariable('queuePosition', String(data.position), true, false);",
];

test('creates an Agent Escalation integration with every field, and every value is back after a reload', async ({
  page,
  demoBot,
  panel,
  form,
}) => {
  await panel.goto(demoBot.id);
  await panel.addIntegration();
  await form.fill('Integration Name', 'HandOver');
  await expect(form.field('Response Data Variable Name')).toHaveValue('HandOver');
  await form.fill('Agent Skill Name', 'Billing');
  await form.fill('Agent Skill Id', '{$botContext.skillId}');
  await form.fill('Agent Id', '1234567890');
  await form.switch('Transfer Bot Context').click();
  await form.fill('Message to User', 'Hold on while I connect you with an agent.');
  await form.typeScript(SCRIPT);
  await form.addCustomDataField('position', '{$.api_HandOver.position}');
  await form.addCustomDataField('wait', '{$.api_HandOver.estimatedWaitSeconds}');
  await form.addCustomDataField('agentName', '{$.api_HandOver.agent.name}');
  await expect(page.getByTestId('cdf-reference-3')).toHaveText('{HandOver.agentName}');
  await expect(form.unsavedIndicator).toHaveText('Unsaved changes');

  await form.save();
  await expect(page).toHaveURL(new RegExp(`/bots/${demoBot.id}/integrations/[0-9a-f-]{36}$`));
  // The left list shows the new integration at once, with its type.
  await expect(panel.item('HandOver')).toContainText('Agent Escalation');

  await page.reload();
  await expect(form.field('Integration Name')).toHaveValue('HandOver');
  await expect(form.field('Response Data Variable Name')).toHaveValue('HandOver');
  await expect(form.selected('Integration Type')).toHaveText('LivePerson Agent Escalation');
  await expect(form.field('Agent Skill Name')).toHaveValue('Billing');
  await expect(form.field('Agent Skill Id')).toHaveValue('{$botContext.skillId}');
  await expect(form.field('Agent Id')).toHaveValue('1234567890');
  await expect(form.switch('Transfer Bot Context')).toBeChecked();
  await expect(form.field('Message to User')).toHaveValue('Hold on while I connect you with an agent.');
  await expect(form.switch('Send no message')).not.toBeChecked();
  expect(await form.scriptText()).toBe(SCRIPT.join('\n'));
  expect(await form.customDataKeys()).toEqual(['position', 'wait', 'agentName']);
  await expect(form.value(2)).toHaveValue('{$.api_HandOver.estimatedWaitSeconds}');
  await expect(form.unsavedIndicator).toHaveText('');
});

test('"Send no message" stores BLANK_MESSAGE and comes back switched on', async ({ page, request, demoBot, form, openIntegration }) => {
  await openIntegration('Escalation');
  await form.switch('Send no message').click();
  await expect(form.field('Message to User')).toBeDisabled();
  await form.save();

  const list = await (await request.get(`/api/bots/${demoBot.id}/integrations?q=Escalation`)).json();
  const stored = await (await request.get(`/api/bots/${demoBot.id}/integrations/${list.items[0].id}`)).json();
  expect(stored.messageToUser).toBe('BLANK_MESSAGE');

  await page.reload();
  await expect(form.switch('Send no message')).toBeChecked();
  await expect(form.field('Message to User')).toBeDisabled();
});
