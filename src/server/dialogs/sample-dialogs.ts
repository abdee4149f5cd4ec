import { AGENT_ESCALATION_FAILED } from '../../domain/dialogs';
import type { Integration } from '../../domain/integration';
import { patternMatches } from './cb-patterns';
import { apiResult, cbDialogWriter, responder, rule } from './cb-dialog-parts';
import type { BotIntegration } from './dialog-model';

/**
 * The most integrations the sample dialogs invoke, one dialog each: a sample shows how a dialog uses an
 * integration, and a bot of 5,000 integrations does not need 5,000 of them (nor the time to write them).
 */
export const SAMPLE_DIALOG_INTEGRATIONS = 12;

const SAMPLE_FALLBACK_TEXT = "Sorry, I didn't catch that. Say hi to see what I can do.";
export const SAMPLE_TRANSFER_MESSAGE = 'Transferring you to an agent...';

/** CB writes dialog times as `2021-03-24 02:23:50` (seen in every real export). */
const cbTime = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

/**
 * A starter pattern that a customer's sentence naming the integration matches: `*order status*` for
 * OrderStatus. The platform's failed-transfer message is a message too: `*escalation*` would start the
 * dialog on it (the reference's troubleshooting case), so such a name is matched as the phrase alone.
 */
function patternOf(name: string): string {
  const phrase = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return patternMatches(`*${phrase}*`, AGENT_ESCALATION_FAILED) ? phrase : `*${phrase}*`;
}

/** What a successful invocation says: the integration's first custom data field, as dialogs read it. */
function successText(integration: Integration): string {
  const key = integration.customDataFields?.find((field) => field.key.trim() !== '')?.key;
  return key ? `${integration.name} answered: {${integration.name}.${key}}.` : `${integration.name} answered.`;
}

type Escalation = Extract<Integration, { type: 'LIVEPERSON_AGENT_ESCALATION' }>;
const isNumericSkill = (integration: Integration): integration is Escalation =>
  integration.type === 'LIVEPERSON_AGENT_ESCALATION' && /^\d+$/.test(integration.agentSkillId ?? '');

/**
 * Dialogs for a bot made in the panel, written as a CB export writes them, so that its Dialogs tab, its
 * checks and the rehearsal show what they do: a greeting, a dialog invoking each integration (its success
 * showing a custom data field, its failure a message), "Talk to an agent" with an Agent Transfer when an
 * Agent Escalation integration names a numeric skill, and a Fallback dialog. No dialog catches the
 * failed-transfer message: the check that says so, and its one-click fix, are part of the sample.
 */
export function sampleDialogs(chatBotId: string, integrations: BotIntegration[], now = new Date()) {
  const { dialog, written } = cbDialogWriter(chatBotId, cbTime(now));
  const invoked = integrations.slice(0, SAMPLE_DIALOG_INTEGRATIONS).map((item) => item.integration);
  const transferSkill = integrations.map((item) => item.integration).find(isNumericSkill)?.agentSkillId;

  const greeting = dialog('sample/greeting', 'Greeting');
  greeting.starter(['hi', 'hello', '(hi|hello|hey) *']);
  const offers = [...invoked.slice(0, 3).map((integration) => integration.name), ...(transferSkill ? ['an agent'] : [])];
  greeting.text(
    'text_greeting',
    offers.length > 0 ? `Hi! I can help with ${offers.join(', ')}.` : 'Hi! This bot has no integrations yet.',
    { end: true },
  );

  invoked.forEach((integration, index) => {
    const used = dialog(`sample/integration/${integration.id}`, `Use ${integration.name}`);
    used.starter([patternOf(integration.name)]);
    const escalates = integration.type === 'LIVEPERSON_AGENT_ESCALATION';
    used.add(`api_integration_${index + 1}`, 'API_INTEGRATION', responder(integration.name, integration.id), {
      responseMatches: [
        // An escalation's success is the transfer: the dialog ends there.
        rule(escalates ? 'none' : used.idOf(2), [apiResult('SUCCESS')], 'success'),
        rule(used.idOf(escalates ? 2 : 3), [apiResult('FAILURE')], 'failure'),
      ],
    });
    if (!escalates) used.text(`text_success_${index + 1}`, successText(integration), { end: true });
    used.text(`text_failure_${index + 1}`, `Sorry, ${integration.name} did not answer. Please try again later.`, {
      end: true,
      prevMessageId: used.idOf(1),
    });
  });

  if (transferSkill) {
    const agent = dialog('sample/talk-to-an-agent', 'Talk to an agent');
    agent.starter(['talk to an agent', 'agent', 'human']);
    // The platform advises 2 s for each message sent just before a transfer, so the customer reads it.
    agent.text('text_finding_agent', 'Let me find someone for you.', { interactionDelay: '2000' });
    agent.transfer('agent_transfer', SAMPLE_TRANSFER_MESSAGE, transferSkill);
  }

  const fallback = dialog('sample/fallback', 'Fallback', 'FALLBACK_DIALOG');
  fallback.text('fallback_starter', SAMPLE_FALLBACK_TEXT, { end: true });
  return written();
}
