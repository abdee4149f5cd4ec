import type { BotIntegration } from '../dialogs/dialog-model';
import { apiResult, cbDialogWriter, patterns, responder, rule, tile } from '../dialogs/cb-dialog-parts';

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

export const DEMO_AGENT_TRANSFER_MESSAGE = 'Transferring you to an agent...';
export const DEMO_FALLBACK_TEXT = 'Sorry, I didn\'t catch that. Try "order status" or "talk to an agent".';

export function demoDialogs(chatBotId: string, integrations: BotIntegration[]) {
  const invoke = (name: string) => responder(name, integrations.find((item) => item.integration.name === name)?.integration.id);
  const { dialog, written } = cbDialogWriter(chatBotId, '2026-12-01 09:00:00');

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
  orders.add('api_integration_order_status', 'API_INTEGRATION', invoke('OrderStatus'), {
    preProcessMessage: "botContext.setBotVariable('orderId', '10042', true, false);",
    responseMatches: [rule(orders.idOf(2), [apiResult('SUCCESS')], 'Found'), rule(orders.idOf(3), [apiResult('FAILURE')], 'Not found')],
  });
  orders.text('text_order_status', 'Order {$botContext.orderId} is {OrderStatus.status}, arriving {OrderStatus.eta}.', { end: true });
  orders.text('text_order_not_found', 'I could not find that order: please check the number.', {
    end: true,
    prevMessageId: orders.idOf(1),
  });

  agent.starter(['talk to an agent', 'agent', 'human', '*real person*']);
  agent.text('text_finding_agent', 'Let me find someone for you.', { interactionDelay: '2000' });
  agent.transfer('agent_transfer', DEMO_AGENT_TRANSFER_MESSAGE, '3402109730');

  const complaint = dialog('complaint', 'Complaint');
  complaint.starter(['complaint', '*supervisor*', '*complain*']);
  complaint.add('api_integration_escalation', 'API_INTEGRATION', invoke('Escalation'), {
    responseMatches: [rule('none', [apiResult('SUCCESS')], 'success'), rule(complaint.idOf(2), [apiResult('FAILURE')], 'failure')],
  });
  complaint.text('text_escalation_failed', 'Our team is offline right now: we will call you back within a day.', { end: true });

  const simple = (key: string, name: string, pattern: string[], integration: string, reply: string) => {
    const d = dialog(key, name);
    d.starter(pattern);
    d.add(`api_integration_${key.replace(/-/g, '_')}`, 'API_INTEGRATION', invoke(integration));
    d.text(`text_${key.replace(/-/g, '_')}`, reply, { end: true });
  };
  simple('faq', 'FAQ', ['*how do i*', '*question*'], 'FAQ', '{FAQ.answer}');
  simple('loyalty', 'Loyalty points', ['*points*', '*loyalty*'], 'LoyaltyPoints', 'Your points are up to date in your account.');
  simple('receipt', 'Upload a receipt', ['*receipt*'], 'UploadReceipt', 'Thanks: your receipt is uploaded.');
  simple('transcript', 'Email the transcript', ['*transcript*', 'email me'], 'SendTranscript', 'Sent: check your inbox.');

  const fallback = dialog('fallback', 'Fallback', 'FALLBACK_DIALOG');
  fallback.text('fallback_starter', DEMO_FALLBACK_TEXT, { end: true });
  return written();
}
