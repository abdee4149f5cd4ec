import { randomBytes, randomUUID } from 'node:crypto';
import { AGENT_ESCALATION_FAILED } from '../../domain/dialogs';
import type { Integration } from '../../domain/integration';

type Json = Record<string, unknown>;
type EscalationIntegration = Extract<Integration, { type: 'LIVEPERSON_AGENT_ESCALATION' }>;

interface FailureDialogInput {
  chatBotId: string;
  name: string;
  message: string;
  /** The Agent Escalation integration whose skill the Agent Transfer goes to, when asked. */
  escalateTo?: EscalationIntegration;
  now?: Date;
}

/** CB writes dialog times as `2021-03-24 02:23:50` (seen in every real export). */
const cbTime = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');
/** Interaction ids in real exports are 40 hex digits. */
const interactionId = () => randomBytes(20).toString('hex');

/** A tile as real exports write it: text, then buttons and quick replies, then the escalation of a transfer. */
const tile = (text?: string, after: Json = {}) => ({
  tileData: [{ ...(text === undefined ? {} : { text }), buttons: [], quickReplyList: [], ...after }],
});
const goTo = (value: string) => [
  { conditions: [], contextConditions: [], action: { name: 'INTERACTION', value }, contextDataVariables: [] },
];

/**
 * A dialog that catches the platform's failed-transfer message, written key for key as real exports
 * write a dialog (`groups` entry) and its interactions (`conversationMessage` entries): a starter on
 * the pattern, a text with the message, and, when asked, an Agent Transfer.
 */
export function escalationFailureDialog(input: FailureDialogInput): { group: Json; interactions: Json[] } {
  const time = cbTime(input.now ?? new Date());
  const dialogId = randomUUID();
  const ids = { starter: interactionId(), text: interactionId(), transfer: interactionId() };
  const common = (id: string, name: string) => ({ id, chatBotId: input.chatBotId, userInputRequired: false, name });
  const group = {
    chatBotId: input.chatBotId,
    id: dialogId,
    name: input.name,
    creationTime: time,
    modificationTime: time,
    dialogType: 'DIALOG',
    status: 'ENABLED',
    disambiguteOnlySelectedDomains: false,
  };
  const starter = {
    ...common(ids.starter, 'dialog_starter'),
    pattern: [AGENT_ESCALATION_FAILED],
    type: 'BOT_MESSAGE',
    content: { contentType: 'STATIC', results: { type: 'DIALOG_STARTER', tile: tile() } },
    group: dialogId,
    status: 'ACTIVE',
    required: true,
    nextMessageId: ids.text,
    responseMatches: goTo('next'),
    interactionType: 'DIALOG_STARTER',
  };
  const transfer = input.escalateTo;
  const text = {
    ...common(ids.text, 'text_escalation_failed'),
    type: 'BOT_MESSAGE',
    content: { contentType: 'STATIC', results: { type: 'TEXT', tile: tile(input.message) } },
    group: dialogId,
    status: 'ACTIVE',
    required: true,
    ...(transfer ? { nextMessageId: ids.transfer } : {}),
    prevMessageId: ids.starter,
    responseMatches: goTo(transfer ? 'next' : 'none'),
    interactionType: 'TEXT',
  };
  const interactions: Json[] = [starter, text];
  if (transfer) {
    interactions.push({
      ...common(ids.transfer, 'escalation_fallback_skill'),
      type: 'BOT_MESSAGE',
      content: {
        contentType: 'DYNAMIC',
        results: {
          type: 'ESCALATION',
          tile: tile(transfer.messageToUser, {
            escalation: { agentSkillId: transfer.agentSkillId, tangoContextEnabled: transfer.transferBotContext },
          }),
        },
      },
      group: dialogId,
      status: 'ACTIVE',
      required: true,
      prevMessageId: ids.text,
      responseMatches: goTo('none'),
      interactionType: 'ESCALATION',
      changeResponse: { enabled: true },
      cancelResponse: { enabled: true },
    });
  }
  return { group, interactions };
}

/**
 * The one-click "add a failure rule" on an integration interaction that transfers: a text with the message,
 * placed after it in its dialog, and the interaction with a "failure" rule (API_RESULT FAILURE) leading to it,
 * first among its rules so no unconditional rule takes the failure before it.
 */
export function failureRule(interaction: Json, input: { chatBotId: string; message: string }): { interaction: Json; text: Json } {
  const id = interactionId();
  const text = {
    id,
    chatBotId: input.chatBotId,
    userInputRequired: false,
    name: 'text_transfer_failed',
    type: 'BOT_MESSAGE',
    content: { contentType: 'STATIC', results: { type: 'TEXT', tile: tile(input.message) } },
    group: interaction.group,
    status: 'ACTIVE',
    required: true,
    prevMessageId: interaction.id,
    responseMatches: goTo('none'),
    interactionType: 'TEXT',
  };
  const rules = Array.isArray(interaction.responseMatches) ? interaction.responseMatches : [];
  const failure = {
    name: 'failure',
    conditions: [{ matchType: 'API_RESULT', apiResultsMatch: { status: 'FAILURE' } }],
    contextConditions: [],
    action: { name: 'INTERACTION', value: id },
    contextDataVariables: [],
  };
  return { interaction: { ...interaction, responseMatches: [failure, ...rules] }, text };
}
