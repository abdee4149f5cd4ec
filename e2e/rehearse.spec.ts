import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

/*
 * Issue 30 in the app: the seeded bot's "talk to an agent" rehearsed with a late failure falls into the
 * Fallback dialog and its coverage row is red; Add a failure dialog from that row, rehearse again, and
 * the customer gets the new message, the row green.
 */

const FALLBACK = "Sorry, I didn't catch that.";
const FAILURE_MESSAGE = 'No agent is free right now: we will email you within the hour.';

test('rehearses a late failure into the Fallback dialog, adds the failure dialog from the coverage, and rehearses it caught', async ({
  page,
  demoBot,
  dialogs,
}) => {
  await dialogs.goto(demoBot.id);
  await page.getByRole('button', { name: 'Rehearse' }).click();
  const panel = page.getByRole('region', { name: 'Rehearse' });
  await panel.getByLabel('Transfer outcome').selectOption({ label: 'Late failure' });
  await panel.getByLabel('Customer message').fill('talk to an agent');
  await panel.getByRole('button', { name: 'Send' }).click();

  const transcript = panel.getByRole('list', { name: 'Transcript' });
  await expect(transcript).toContainText('Transferring you to an agent...');
  await expect(transcript).toContainText('__agent_escalation_failed__');
  await expect(transcript.getByRole('listitem').last()).toContainText(FALLBACK);
  // The steps lead to their nodes, which light up in the flow.
  const steps = panel.getByRole('list', { name: 'Steps' });
  await expect(steps.getByRole('link', { name: 'Talk to an agent › agent_transfer' })).toBeVisible();
  await expect(dialogs.nodeNamed('agent_transfer')).toHaveClass(/rehearsed/);
  await expect(dialogs.nodeNamed('fallback_starter')).toHaveClass(/rehearsed/);
  await expectNoSeriousA11yViolations(page, 'the rehearse panel');

  await dialogs.openChecks();
  const late = (verdict: string) => page.getByRole('row', { name: `Talk to an agent › agent_transfer, Late failure: ${verdict}` });
  await expect(late('not handled')).toBeVisible();
  await expect(late('not handled')).toHaveClass(/unhandled/);
  await expect(late('not handled')).toContainText(FALLBACK);
  await late('not handled').getByRole('button', { name: 'Add a failure dialog' }).click();
  const addDialog = page.getByRole('dialog', { name: 'Add a failure dialog' });
  await addDialog.getByLabel('Message').fill(FAILURE_MESSAGE);
  await addDialog.getByRole('button', { name: 'Add dialog' }).click();
  await expect(addDialog).toBeHidden();

  await dialogs.openChecks();
  await expect(late('handled')).toBeVisible();
  await expect(late('handled')).toHaveClass(/transfer-coverage__row--handled/);
  await expect(late('handled')).toContainText(FAILURE_MESSAGE);
  await dialogs.checksButton.click();

  await panel.getByRole('button', { name: 'Replay' }).click();
  await expect(transcript.getByRole('listitem').last()).toContainText(FAILURE_MESSAGE);
  await expect(transcript).not.toContainText(FALLBACK);
});
