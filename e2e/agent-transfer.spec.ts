import { readFileSync } from 'node:fs';
import { OWN_EXPORTS, OWN_SUPPORT_DESK } from '../src/server/cb-export/testing/own-exports';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

/*
 * Issue 26, item 2: real bots escalate with an Agent Transfer interaction, not an Agent Escalation integration.
 * The support-desk export's "Human" dialog ends in one (escalation_billing, skill 3402109730), written as the
 * get-bot-patterns export writes it. Its skill is changed in the Dialogs screen and found in the CB export.
 */
const TRANSFER = 'c0000000000000000000000000000000000000002';

test('edits the skill of an Agent Transfer interaction with the skill picker, and the CB export carries it', async ({
  page,
  request,
  importBot,
  dialogs,
  panel,
  unique,
}) => {
  // Not "Billing …": other tests, in the other worker, type "bil" and expect the demo's Billing skill alone.
  const skill = { id: String(8_000_000_000 + Math.floor(Math.random() * 1_000_000_000)), name: `Transfer desk ${unique}` };
  expect((await request.post('/api/skills', { data: skill })).status()).toBe(201);
  const file = JSON.parse(OWN_EXPORTS[OWN_SUPPORT_DESK]!) as { bot: { name: string } };
  file.bot.name = `Support Desk ${unique}`;
  const bot = await importBot(file);
  await dialogs.goto(bot.botId);

  // The flow shows the transfer's skill; selecting its node opens the form.
  const node = dialogs.node(TRANSFER);
  await expect(node).toContainText('Skill 3402109730');
  await node.click();
  const form = page.getByRole('dialog', { name: 'Agent Transfer escalation_billing' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Message to User')).toHaveValue('Transferring you to billing.');
  const skillId = form.getByRole('combobox', { name: 'Agent Skill Id' });
  await expect(skillId).toHaveValue('3402109730');
  await expectNoSeriousA11yViolations(page, 'the Agent Transfer form');

  // A skill id that is not a number (nor a variable) is refused on its field, as the integration refuses it.
  await skillId.fill('billing');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText(/Agent Skill Id must be/)).toBeVisible();

  // The picker offers the directory's skills by name and fills in the id.
  await skillId.fill(skill.name);
  await page.getByRole('option', { name: new RegExp(skill.name) }).click();
  await expect(skillId).toHaveValue(skill.id);
  await expect(form).toContainText(`“${skill.name}” in the skill directory`);
  await form.getByLabel('Interaction Delay (ms)').fill('4000');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(node).toContainText(`Skill ${skill.id}`);

  // The list opens the same form, with what was saved.
  await dialogs.showAs('List');
  await dialogs.list.getByRole('button', { name: 'Edit Agent Transfer escalation_billing' }).click();
  await expect(form.getByRole('combobox', { name: 'Agent Skill Id' })).toHaveValue(skill.id);
  await expect(form.getByLabel('Interaction Delay (ms)')).toHaveValue('4000');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();

  const download = await panel.export(file.bot.name, 'Export for Conversation Builder');
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { conversationMessage: Array<Record<string, any>> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const transfer = exported.conversationMessage.find((entry) => entry.id === TRANSFER)!;
  expect(transfer.interactionType).toBe('ESCALATION');
  expect(transfer.content.results.tile.tileData[0].escalation).toEqual({ agentSkillId: skill.id, tangoContextEnabled: false });
  expect(transfer.interactionDelay).toBe('4000');
});

test('a save over a newer version of the dialogs is refused and offers to load theirs or save mine', async ({
  page,
  request,
  importBot,
  dialogs,
  unique,
}) => {
  const file = JSON.parse(OWN_EXPORTS[OWN_SUPPORT_DESK]!) as { bot: { name: string } };
  file.bot.name = `Support Desk ${unique}`;
  const bot = await importBot(file);
  await dialogs.goto(bot.botId);
  await dialogs.node(TRANSFER).getByRole('button', { name: 'Edit Agent Transfer escalation_billing' }).click();
  const form = page.getByRole('dialog', { name: 'Agent Transfer escalation_billing' });
  await expect(form.getByRole('combobox', { name: 'Agent Skill Id' })).toHaveValue('3402109730');

  // Another tab saves the message meanwhile.
  const read = await request.get(`/api/bots/${bot.botId}/dialogs`);
  const human = ((await read.json()) as { items: Array<{ id: string; name: string }> }).items.find((item) => item.name === 'Human')!;
  const other = await request.patch(`/api/bots/${bot.botId}/dialogs/${human.id}/interactions/${TRANSFER}`, {
    headers: { 'if-match': read.headers().etag! },
    data: { messageToUser: 'Theirs.' },
  });
  expect(other.status()).toBe(200);

  await form.getByRole('combobox', { name: 'Agent Skill Id' }).fill('1234567');
  await form.getByRole('button', { name: 'Save' }).click();
  const stale = form.getByRole('alert').filter({ hasText: 'Someone saved' });
  await expect(stale).toBeVisible();
  await stale.getByRole('button', { name: 'Save mine over theirs' }).click();
  await expect(form).toBeHidden();
  const after = await request.get(`/api/bots/${bot.botId}/dialogs/${human.id}/interactions/${TRANSFER}`);
  // Only what this form changed is sent: their message stays.
  expect(await after.json()).toMatchObject({ agentSkillId: '1234567', messageToUser: 'Theirs.' });
});
