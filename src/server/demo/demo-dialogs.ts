import { createHash } from 'node:crypto';
import type { BotIntegration } from '../dialogs/dialog-model';
import { apiResult, patterns, rule, tile } from '../dialogs/cb-dialog-parts';

/*
 * The demo bot's dialogs, written as a Conversation Builder export writes them, so the Dialogs tab,
 * the checks and the rehearsal have a bot to work on from the first start: a greeting, an order-status
 * dialog calling the API integration and showing its {OrderStatus.…} fields, "talk to an agent" with
 * an Agent Transfer, a complaint that goes through the Agent Escalation integration, one dialog for
 * each other integration (so every integration has a usage), and a Fallback dialog.
 *
 * One check fails on purpose: no dialog catches __agent_escalation_failed__, the mistake the
 * reference's troubleshooting page warns about. **Add a failure dialog** fixes it in one click, and the
 * rehearsal shows the difference (the late failure falls into the Fallback dialog, then no longer).
 */

type Json = Record<string, unknown>;

export const DEMO_AGENT_TRANSFER_MESSAGE = 'Transferring you to an agent...';
export const DEMO_FALLBACK_TEXT = 'Sorry, I didn\'t catch that. Try "order status" or "talk to an agent".';

/** Ids as CB writes them (dialogs: UUIDs, interactions: 40 hex digits), stable for one bot. */
const hex = (seed: string, length: number) => createHash('sha1').update(seed).digest('hex').slice(0, length);
const uuid = (seed: string) => {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export function demoDialogs(chatBotId: string, integrations: BotIntegration[]): { groups: Json[]; interactions: Json[] } {
  const responder = (name: string) => {
    const found = integrations.find((item) => item.integration.name === name)?.integration;
    return { contentType: 'DYNAMIC', responderName: name, ...(found ? { responderId: found.id } : {}) };
  };
  const groups: Json[] = [];
  const interactions: Json[] = [];
  const time = '2026-12-01 09:00:00';

  function dialog(key: string, name: string, dialogType = 'DIALOG') {
    const groupId = uuid(`${chatBotId}/${key}`);
    groups.push({
      chatBotId,
      id: groupId,
      name,
      creationTime: time,
      modificationTime: time,
      dialogType,
      status: 'ENABLED',
      disambiguteOnlySelectedDomains: false,
    });
    const ids: string[] = [];
    const idOf = (index: number) => (ids[index] ??= hex(`${chatBotId}/${key}/${index}`, 40));
    let count = 0;
    /** Adds the next interaction of the dialog; `last` ends the dialog after it. */
    const add = (name: string, interactionType: string, content: Json, extra: Json = {}) => {
      const index = count++;
      const { responseMatches, end, ...rest } = extra;
      interactions.push({
        id: idOf(index),
        chatBotId,
        userInputRequired: false,
        name,
        type: 'BOT_MESSAGE',
        content,
        group: groupId,
        status: 'ACTIVE',
        required: true,
        ...(end ? {} : { nextMessageId: idOf(index + 1) }),
        ...(index > 0 ? { prevMessageId: idOf(index - 1) } : {}),
        ...rest,
        responseMatches: responseMatches ?? [rule(end ? 'none' : 'next')],
        interactionType,
      });
      return idOf(index);
    };
    const starter = (pattern: string[]) =>
      add('dialog_starter', 'DIALOG_STARTER', { contentType: 'STATIC', results: { type: 'DIALOG_STARTER', tile: tile() } }, { pattern });
    const text = (name: string, message: string, extra: Json = {}) =>
      add(name, 'TEXT', { contentType: 'STATIC', results: { type: 'TEXT', tile: tile(message) } }, extra);
    return { groupId, idOf, add, starter, text };
  }

  const greeting = dialog('greeting', 'Greeting');
  const orders = dialog('order-status', 'Order status');
  const agent = dialog('talk-to-an-agent', 'Talk to an agent');

  greeting.starter(['hi', 'hello', '(hi|hello|hey) *']);
  greeting.add(
    'quick_reply_greeting',
    'QUICK_REPLY',
    { contentType: 'STATIC', results: { type: 'QUICK_REPLY', tile: tile('Hi! I can check an order or find you an agent.') } },
    {
      end: true,
      quickReplies: [
        { type: 'text', title: 'Order status', payload: 'order status' },
        { type: 'text', title: 'Talk to an agent', payload: 'talk to an agent' },
      ],
      responseMatches: [
        rule(orders.groupId, [patterns('*order*')], 'Order', 'DIALOG'),
        rule(agent.groupId, [patterns('*agent*')], 'Agent', 'DIALOG'),
        rule('', [{ matchType: 'NO_MATCH', noMatch: { fallbackMessage: 'Please pick one of the options.' } }], 'Other'),
      ],
    },
  );

  orders.starter(['order status', 'where is my order', '*order*']);
  orders.add('api_integration_order_status', 'API_INTEGRATION', responder('OrderStatus'), {
    preProcessMessage: "botContext.setBotVariable('orderId', '10042', true, false);",
    responseMatches: [rule(orders.idOf(2), [apiResult('SUCCESS')], 'Found'), rule(orders.idOf(3), [apiResult('FAILURE')], 'Not found')],
  });
  orders.text('text_order_status', 'Order {$botContext.orderId} is {OrderStatus.status}, arriving {OrderStatus.eta}.', { end: true });
  orders.text('text_order_not_found', 'I could not find that order: please check the number.', {
    end: true,
    prevMessageId: orders.idOf(1),
  });

  agent.starter(['talk to an agent', 'agent', 'human', '*real person*']);
  agent.text('text_finding_agent', 'Let me find someone for you.', { interactionDelay: 2000 });
  agent.add(
    'agent_transfer',
    'ESCALATION',
    {
      contentType: 'DYNAMIC',
      results: {
        type: 'ESCALATION',
        tile: tile(DEMO_AGENT_TRANSFER_MESSAGE, { escalation: { agentSkillId: '3402109730', tangoContextEnabled: false } }),
      },
    },
    { end: true },
  );

  const complaint = dialog('complaint', 'Complaint');
  complaint.starter(['complaint', '*supervisor*', '*complain*']);
  complaint.add('api_integration_escalation', 'API_INTEGRATION', responder('Escalation'), {
    responseMatches: [rule('none', [apiResult('SUCCESS')], 'success'), rule(complaint.idOf(2), [apiResult('FAILURE')], 'failure')],
  });
  complaint.text('text_escalation_failed', 'Our team is offline right now: we will call you back within a day.', { end: true });

  const simple = (key: string, name: string, pattern: string[], integration: string, reply: string) => {
    const d = dialog(key, name);
    d.starter(pattern);
    d.add(`api_integration_${key.replace(/-/g, '_')}`, 'API_INTEGRATION', responder(integration));
    d.text(`text_${key.replace(/-/g, '_')}`, reply, { end: true });
  };
  simple('faq', 'FAQ', ['*how do i*', '*question*'], 'FAQ', '{FAQ.answer}');
  simple('loyalty', 'Loyalty points', ['*points*', '*loyalty*'], 'LoyaltyPoints', 'Your points are up to date in your account.');
  simple('receipt', 'Upload a receipt', ['*receipt*'], 'UploadReceipt', 'Thanks: your receipt is uploaded.');
  simple('transcript', 'Email the transcript', ['*transcript*', 'email me'], 'SendTranscript', 'Sent: check your inbox.');

  const fallback = dialog('fallback', 'Fallback', 'FALLBACK_DIALOG');
  fallback.text('fallback_starter', DEMO_FALLBACK_TEXT, { end: true });
  return { groups, interactions };
}
