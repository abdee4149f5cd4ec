/**
 * A Conversation Builder export built for the rehearsal tests, written as real exports write theirs:
 * a greeting with quick replies (PATTERN, REGEX and NO_MATCH rules), an order lookup whose API
 * integration has success and failure rules around pre- and post-process code, an Agent Transfer
 * with no failure rule after a delayed text, an Agent Escalation integration with a failure rule, a
 * transfer whose skill id is not a number, one that talks after it, a dialog that only an intent
 * starts, code that never ends, a loop, a loop that runs code, and a Fallback dialog.
 */
import { apiResult, patterns, rule, tile } from '../../dialogs/cb-dialog-parts';

type Json = Record<string, unknown>;

const BOT = '0e5b9a7c-1111-4a2b-8c3d-000000000001';
const D = {
  welcome: '0e5b9a7c-2222-4000-8000-000000000001',
  orders: '0e5b9a7c-2222-4000-8000-000000000002',
  human: '0e5b9a7c-2222-4000-8000-000000000003',
  billing: '0e5b9a7c-2222-4000-8000-000000000004',
  sales: '0e5b9a7c-2222-4000-8000-000000000005',
  intent: '0e5b9a7c-2222-4000-8000-000000000006',
  spin: '0e5b9a7c-2222-4000-8000-000000000007',
  loop: '0e5b9a7c-2222-4000-8000-000000000008',
  fallback: '0e5b9a7c-2222-4000-8000-000000000009',
  returns: '0e5b9a7c-2222-4000-8000-00000000000a',
  ticks: '0e5b9a7c-2222-4000-8000-00000000000b',
};
const R = { orders: '0e5b9a7c-3333-4000-8000-000000000001', billing: '0e5b9a7c-3333-4000-8000-000000000002' };

/** Interaction ids: 40 hex digits, as CB writes them; `n` dialog, `i` place in it. */
const id = (n: number, i: number) => `${n.toString(16).padStart(2, '0')}${'0'.repeat(36)}${i.toString(16).padStart(2, '0')}`;

function interaction(iid: string, name: string, group: string, interactionType: string, content: Json, extra: Json = {}): Json {
  const { responseMatches = [rule('next')], ...rest } = extra;
  return {
    id: iid,
    chatBotId: BOT,
    userInputRequired: false,
    name,
    type: 'BOT_MESSAGE',
    content,
    group,
    status: 'ACTIVE',
    required: true,
    ...rest,
    responseMatches,
    interactionType,
  };
}
const starter = (iid: string, group: string, pattern: string[], next: string, extra: Json = {}) =>
  interaction(
    iid,
    `dialog_starter_${group.slice(-1)}`,
    group,
    'DIALOG_STARTER',
    { contentType: 'STATIC', results: { type: 'DIALOG_STARTER', tile: tile() } },
    { pattern, nextMessageId: next, ...extra },
  );
const text = (iid: string, name: string, group: string, message: string, extra: Json = {}) =>
  interaction(iid, name, group, 'TEXT', { contentType: 'STATIC', results: { type: 'TEXT', tile: tile(message) } }, extra);
const transfer = (iid: string, name: string, group: string, message: string, skill: string, extra: Json = {}) =>
  interaction(
    iid,
    name,
    group,
    'ESCALATION',
    {
      contentType: 'DYNAMIC',
      results: { type: 'ESCALATION', tile: tile(message, { escalation: { agentSkillId: skill, tangoContextEnabled: false } }) },
    },
    extra,
  );
const group = (gid: string, name: string, dialogType = 'DIALOG') => ({
  chatBotId: BOT,
  id: gid,
  name,
  creationTime: '2026-12-01 10:00:00',
  modificationTime: '2026-12-01 10:00:00',
  dialogType,
  status: 'ENABLED',
  disambiguteOnlySelectedDomains: false,
});

export const REHEARSAL_SKILL = '3402109730';
export const BILLING_CLOSED = 'Billing is closed right now: try again tomorrow.';
export const FALLBACK_TEXT = "Sorry, I didn't get that.";
export const ORDER_FAILURE_TEXT = 'Sorry, I cannot find that order.';

/** `billingFailureRule: false`: the billing transfer (an Agent Escalation integration interaction) has no "failure" rule. */
export function rehearsalBotExport(options: { defaultErrorMessage?: string; billingFailureRule?: boolean } = {}): string {
  const file = {
    hash: '1029384756',
    bot: {
      id: BOT,
      name: 'Rehearsal fixture',
      chatBotType: 'CUSTOMER_FACING_BOT',
      description: 'Every transfer branch, for the rehearsal tests.',
      status: 'NEW',
      language: 'en-US',
      botAttributes: {
        ENABLE_DEBUG: 'true',
        ...(options.defaultErrorMessage ? { DEFAULT_ERROR_MESSAGE: options.defaultErrorMessage } : {}),
      },
      version: '1',
    },
    responder: [
      {
        chatbotId: BOT,
        id: R.orders,
        name: 'OrderLookup',
        webhook: 'https://orders.example.com/api/orders/{$botContext.orderId}',
        method: 'GET',
        headers: [],
        defaultValues: [{ key: 'title' }, { key: 'subTitle' }, { key: 'image' }, { key: 'itemUrl' }],
        customDataFields: [
          { key: 'status', value: '{$.api_OrderLookup.status}' },
          { key: 'eta', value: '{$.api_OrderLookup.delivery.eta}' },
        ],
        transformResultsScript:
          "var response = botContext.getBotVariable('api_OrderLookup');\nvar order = JSON.parse(response.jsonData).api_OrderLookup;\nbotContext.setBotVariable('orderItems', String(order.items), true, false);",
        results: { type: 'TEXT', tile: tile() },
        group: 'Responders',
        responseDataVariable: 'OrderLookup',
        integrationType: 'API',
        tangoContextEnabled: false,
      },
      {
        chatbotId: BOT,
        id: R.billing,
        name: 'TransferToBilling',
        agentSkillName: 'Billing',
        agentSkillId: REHEARSAL_SKILL,
        agentId: '',
        messageToUser: 'Connecting you with billing.',
        defaultValues: [{ key: 'title' }, { key: 'subTitle' }, { key: 'image' }, { key: 'itemUrl' }],
        results: { type: 'TEXT', tile: tile() },
        group: 'Responders',
        responseDataVariable: 'TransferToBilling',
        integrationType: 'LIVEPERSON_AGENT_ESCALATION',
        tangoContextEnabled: false,
      },
    ],
    requiredContext: [],
    conversationMessage: [
      starter(id(1, 1), D.welcome, ['hi', '(hello|hey) *'], id(1, 2)),
      interaction(
        id(1, 2),
        'quick_reply_welcome',
        D.welcome,
        'QUICK_REPLY',
        { contentType: 'STATIC', results: { type: 'QUICK_REPLY', tile: tile('How can I help?') } },
        {
          quickReplies: [
            { type: 'text', title: 'Track my parcel', payload: 'track' },
            { type: 'text', title: 'Agent', payload: 'agent' },
          ],
          prevMessageId: id(1, 1),
          responseMatches: [
            rule(D.orders, [patterns('track', 'tracking')], 'Track', 'DIALOG'),
            rule(D.human, [patterns('agent')], 'Agent', 'DIALOG'),
            rule(id(1, 3), [{ matchType: 'REGEX', regexMatch: { regexText: '^[0-9]{5}$', excludeKeywords: [] } }], 'Zip code'),
            rule('', [{ matchType: 'NO_MATCH', noMatch: { fallbackMessage: 'Please pick one of the options.' } }], 'Other'),
          ],
        },
      ),
      text(id(1, 3), 'text_zip', D.welcome, 'A zip code! Stores near you open at 9.', {
        prevMessageId: id(1, 2),
        responseMatches: [rule('none')],
      }),

      starter(id(2, 1), D.orders, ['*order*', 'track'], id(2, 2)),
      interaction(
        id(2, 2),
        'api_integration_orders',
        D.orders,
        'API_INTEGRATION',
        { contentType: 'DYNAMIC', responderName: 'OrderLookup', responderId: R.orders },
        {
          preProcessMessage: "botContext.setBotVariable('orderId', 'A-100', true, false);",
          postProcessMessage:
            "var status = botContext.getBotVariable('api_OrderLookupStatus');\nbotContext.setBotVariable('lookupStatus', status, true, false);",
          nextMessageId: id(2, 3),
          prevMessageId: id(2, 1),
          responseMatches: [rule(id(2, 3), [apiResult('SUCCESS')], 'Found'), rule(id(2, 4), [apiResult('FAILURE')], 'Not found')],
        },
      ),
      text(id(2, 3), 'text_order_status', D.orders, 'Order {$botContext.orderId} is {OrderLookup.status}, arriving {OrderLookup.eta}.', {
        prevMessageId: id(2, 2),
        responseMatches: [rule('none')],
      }),
      text(id(2, 4), 'text_order_missing', D.orders, ORDER_FAILURE_TEXT, { prevMessageId: id(2, 2), responseMatches: [rule('none')] }),

      starter(id(3, 1), D.human, ['agent', 'talk to an agent'], id(3, 2)),
      text(id(3, 2), 'text_one_moment', D.human, 'One moment please.', {
        prevMessageId: id(3, 1),
        nextMessageId: id(3, 3),
        interactionDelay: 2000,
      }),
      transfer(id(3, 3), 'escalation_human', D.human, 'Transferring you to an agent.', REHEARSAL_SKILL, {
        prevMessageId: id(3, 2),
        responseMatches: [rule('none')],
      }),

      starter(id(4, 1), D.billing, ['billing'], id(4, 2)),
      interaction(
        id(4, 2),
        'api_integration_billing',
        D.billing,
        'API_INTEGRATION',
        { contentType: 'DYNAMIC', responderName: 'TransferToBilling', responderId: R.billing },
        {
          prevMessageId: id(4, 1),
          responseMatches: [
            rule('none', [apiResult('SUCCESS')], 'success'),
            ...(options.billingFailureRule === false ? [] : [rule(id(4, 3), [apiResult('FAILURE')], 'failure')]),
          ],
        },
      ),
      text(id(4, 3), 'text_billing_closed', D.billing, BILLING_CLOSED, { prevMessageId: id(4, 2), responseMatches: [rule('none')] }),

      starter(id(5, 1), D.sales, ['sales'], id(5, 2)),
      transfer(id(5, 2), 'escalation_sales', D.sales, 'Over to sales.', '{$botContext.salesSkill}', {
        preProcessMessage: "botContext.setBotVariable('salesSkill', 'sales-team', true, false);",
        prevMessageId: id(5, 1),
        nextMessageId: id(5, 3),
      }),
      text(id(5, 3), 'text_anything_else', D.sales, 'Anything else I can do?', {
        prevMessageId: id(5, 2),
        responseMatches: [rule('none')],
      }),

      interaction(
        id(6, 1),
        'dialog_starter_6',
        D.intent,
        'DIALOG_STARTER',
        { contentType: 'STATIC', results: { type: 'DIALOG_STARTER', tile: tile() } },
        { intentId: 'f1e2d3c4b5a6', nextMessageId: id(6, 2) },
      ),
      text(id(6, 2), 'text_refund', D.intent, 'Refunds take five days.', { prevMessageId: id(6, 1), responseMatches: [rule('none')] }),

      starter(id(7, 1), D.spin, ['spin'], id(7, 2)),
      text(id(7, 2), 'text_after_spin', D.spin, 'Still here.', {
        preProcessMessage: 'while (true) {}',
        prevMessageId: id(7, 1),
        responseMatches: [rule('none')],
      }),

      starter(id(8, 1), D.loop, ['loop'], id(8, 2)),
      text(id(8, 2), 'text_ping', D.loop, 'Ping', { prevMessageId: id(8, 1), nextMessageId: id(8, 3) }),
      text(id(8, 3), 'text_pong', D.loop, 'Pong', { prevMessageId: id(8, 2), responseMatches: [rule(id(8, 2))] }),

      starter(id(10, 1), D.returns, ['returns'], id(10, 2)),
      transfer(id(10, 2), 'escalation_returns', D.returns, 'Over to returns.', REHEARSAL_SKILL, {
        prevMessageId: id(10, 1),
        nextMessageId: id(10, 3),
      }),
      text(id(10, 3), 'text_returns_after', D.returns, 'Anything else?', { prevMessageId: id(10, 2), responseMatches: [rule('none')] }),

      starter(id(11, 1), D.ticks, ['tick'], id(11, 2)),
      text(id(11, 2), 'text_tick', D.ticks, 'Tick {$botContext.ticks}', {
        preProcessMessage: "botContext.setBotVariable('ticks', String(Number(botContext.getBotVariable('ticks') || 0) + 1), true, false);",
        prevMessageId: id(11, 1),
        responseMatches: [rule(id(11, 2))],
      }),

      text(id(9, 1), 'fallback_starter', D.fallback, FALLBACK_TEXT, { responseMatches: [rule('none')] }),
    ],
    menus: [],
    groups: [
      group(D.welcome, 'Welcome'),
      group(D.orders, 'Order status'),
      group(D.human, 'Talk to an agent'),
      group(D.billing, 'Billing'),
      group(D.sales, 'Sales'),
      group(D.intent, 'Refunds'),
      group(D.spin, 'Spin'),
      group(D.loop, 'Loop'),
      group(D.fallback, 'Fallback', 'FALLBACK_DIALOG'),
      group(D.returns, 'Returns'),
      group(D.ticks, 'Ticks'),
    ],
    platforms: [
      {
        id: 'ff00000000000000000000000000000000000001',
        chatbotId: BOT,
        integrationType: 'HTMLCLIENT',
        platform: 'HTMLCLIENT',
        status: 'NEW',
      },
    ],
    associatedDomains: [],
    dialogTemplates: [],
  };
  return JSON.stringify(file, null, 2);
}
