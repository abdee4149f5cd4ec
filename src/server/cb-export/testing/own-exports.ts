/**
 * Small Conversation Builder exports that the project writes itself, in the shape of the real ones
 * (`../shared/cb-exports`, which exist only beside this repository): the tests run on these
 * everywhere, and on the real exports in addition when that folder is there.
 *
 * `support-desk` holds what the panel has to understand in a bot: dialogs (`groups`), a dialog
 * starter with patterns, an integration interaction that invokes an API integration whose
 * post-process code reads `api_<name>`, a text showing `{<name>.<key>}`, an Agent Escalation
 * integration, an Agent Transfer interaction and a Fallback dialog. `store-locator` has `[i]`
 * custom data fields, a transform script and a key CB writes at the top level but the panel never reads.
 */

type Json = Record<string, unknown>;

const BOT_ID = '6f1d2c3b-4a59-4e68-9d7c-0b1a2c3d4e5f';
const DIALOG = {
  welcome: '1a2b3c4d-0001-4000-8000-000000000001',
  orders: '1a2b3c4d-0002-4000-8000-000000000002',
  human: '1a2b3c4d-0003-4000-8000-000000000003',
  fallback: '1a2b3c4d-0004-4000-8000-000000000004',
};
const RESPONDER = { orders: '2b3c4d5e-0001-4000-8000-000000000001', transfer: '2b3c4d5e-0002-4000-8000-000000000002' };

const tile = (text?: string) => ({ tileData: [{ ...(text === undefined ? {} : { text }), buttons: [], quickReplyList: [] }] });
const next = (value = 'next') => [
  { conditions: [], contextConditions: [], action: { name: 'INTERACTION', value }, contextDataVariables: [] },
];

function group(id: string, name: string, dialogType = 'DIALOG'): Json {
  return {
    chatBotId: BOT_ID,
    id,
    name,
    creationTime: '2026-11-02 09:15:00',
    modificationTime: '2026-11-02 09:15:00',
    dialogType,
    status: 'ENABLED',
    disambiguteOnlySelectedDomains: false,
  };
}

interface InteractionOptions {
  pattern?: string[];
  /** Where the flow goes after it: `next`, or `none` to end the dialog. */
  end?: string;
  [key: string]: unknown;
}

function interaction(
  id: string,
  name: string,
  dialog: string,
  interactionType: string,
  content: Json,
  options: InteractionOptions = {},
): Json {
  const { pattern, end = 'next', ...rest } = options;
  return {
    id,
    chatBotId: BOT_ID,
    userInputRequired: false,
    name,
    ...(pattern ? { pattern } : {}),
    type: 'BOT_MESSAGE',
    content,
    ...rest,
    group: dialog,
    status: 'ACTIVE',
    required: true,
    responseMatches: next(end),
    interactionType,
  };
}

const starter = (id: string, name: string, dialog: string, pattern: string[], nextMessageId: string) =>
  interaction(
    id,
    name,
    dialog,
    'DIALOG_STARTER',
    { contentType: 'STATIC', results: { type: 'DIALOG_STARTER', tile: tile() } },
    { pattern, nextMessageId },
  );

const text = (id: string, name: string, dialog: string, message: string, extra: Json = {}) =>
  interaction(id, name, dialog, 'TEXT', { contentType: 'STATIC', results: { type: 'TEXT', tile: tile(message) } }, extra);

const supportDesk: Json = {
  hash: '1482260931',
  bot: {
    id: BOT_ID,
    name: 'Support Desk',
    chatBotType: 'CUSTOMER_FACING_BOT',
    description: 'Looks up orders and hands over to a person on request.',
    status: 'NEW',
    getStartedButtonPayload: 'hi',
    creationTime: 1793000000000,
    modificationTime: 1793086400000,
    demo: false,
    skipNLP: false,
    language: 'en-US',
    botAttributes: { ENABLE_DEBUG: 'true' },
    sessionLength: 0,
    passThroughMode: false,
    transcriptDisabled: false,
    version: '2',
    publicBot: false,
    readOnly: false,
  },
  responder: [
    {
      chatbotId: BOT_ID,
      id: RESPONDER.orders,
      name: 'OrderLookup',
      webhook: 'https://orders.example.com/api/orders/{$botContext.orderId}',
      method: 'GET',
      headers: [{ key: 'Accept', value: 'application/json' }],
      defaultValues: [{ key: 'title' }, { key: 'subTitle' }, { key: 'image' }, { key: 'itemUrl' }],
      customDataFields: [
        { key: 'status', value: '{$.api_OrderLookup.status}' },
        { key: 'eta', value: '{$.api_OrderLookup.delivery.eta}' },
      ],
      results: { type: 'TEXT', tile: tile() },
      group: 'Responders',
      responseDataVariable: 'OrderLookup',
      integrationType: 'API',
      tangoContextEnabled: false,
    },
    {
      chatbotId: BOT_ID,
      id: RESPONDER.transfer,
      name: 'TransferToBilling',
      agentSkillName: 'Billing',
      agentSkillId: '3402109730',
      agentId: '',
      messageToUser: 'Hold on while I connect you with a billing specialist.',
      defaultValues: [{ key: 'title' }, { key: 'subTitle' }, { key: 'image' }, { key: 'itemUrl' }],
      results: { type: 'TEXT', tile: tile() },
      group: 'Responders',
      responseDataVariable: 'TransferToBilling',
      integrationType: 'LIVEPERSON_AGENT_ESCALATION',
      tangoContextEnabled: true,
    },
  ],
  requiredContext: [],
  conversationMessage: [
    starter(
      'a0000000000000000000000000000000000000001',
      'dialog_starter',
      DIALOG.welcome,
      ['hi', 'hello', '(hi|hello|hey)*'],
      'a0000000000000000000000000000000000000002',
    ),
    text('a0000000000000000000000000000000000000002', 'text_welcome', DIALOG.welcome, 'Hello! Ask me about an order, or type "agent".', {
      prevMessageId: 'a0000000000000000000000000000000000000001',
    }),
    starter(
      'b0000000000000000000000000000000000000001',
      'dialog_starter_orders',
      DIALOG.orders,
      ['where is my order', 'order status', '*order*'],
      'b0000000000000000000000000000000000000002',
    ),
    interaction(
      'b0000000000000000000000000000000000000002',
      'api_integration_orders',
      DIALOG.orders,
      'API_INTEGRATION',
      { contentType: 'DYNAMIC', responderName: 'OrderLookup', responderId: RESPONDER.orders },
      {
        postProcessMessage:
          'var response = botContext.getBotVariable("api_OrderLookup");\nvar order = JSON.parse(response.jsonData).api_OrderLookup;\nbotContext.setBotVariable("orderStatus", order.status, true, false);',
        nextMessageId: 'b0000000000000000000000000000000000000003',
        prevMessageId: 'b0000000000000000000000000000000000000001',
      },
    ),
    text(
      'b0000000000000000000000000000000000000003',
      'text_order_status',
      DIALOG.orders,
      'Your order is {OrderLookup.status}, arriving {OrderLookup.eta}.',
      { prevMessageId: 'b0000000000000000000000000000000000000002' },
    ),
    starter(
      'c0000000000000000000000000000000000000001',
      'dialog_starter_human',
      DIALOG.human,
      ['agent', 'human', 'real person'],
      'c0000000000000000000000000000000000000002',
    ),
    interaction(
      'c0000000000000000000000000000000000000002',
      'escalation_billing',
      DIALOG.human,
      'ESCALATION',
      {
        contentType: 'DYNAMIC',
        results: {
          type: 'ESCALATION',
          tile: {
            tileData: [
              {
                text: 'Transferring you to billing.',
                buttons: [],
                quickReplyList: [],
                escalation: { agentSkillId: '3402109730', tangoContextEnabled: false },
              },
            ],
          },
        },
      },
      { prevMessageId: 'c0000000000000000000000000000000000000001', end: 'none' },
    ),
    text('d0000000000000000000000000000000000000001', 'fallback_starter', DIALOG.fallback, "Sorry, I didn't get that.", {
      nextMessageId: '',
    }),
  ],
  menus: [],
  groups: [
    group(DIALOG.welcome, 'Welcome'),
    group(DIALOG.orders, 'Order status'),
    group(DIALOG.human, 'Human'),
    group(DIALOG.fallback, 'Fallback', 'FALLBACK_DIALOG'),
  ],
  platforms: [
    {
      id: 'e0000000000000000000000000000000000000001',
      chatbotId: BOT_ID,
      integrationType: 'HTMLCLIENT',
      platform: 'HTMLCLIENT',
      status: 'NEW',
    },
  ],
  associatedDomains: [],
  dialogTemplates: [],
};

const STORE_BOT_ID = '7a2e3d4c-5b6a-4f79-8e0d-1c2b3a4d5e6f';
const storeLocator: Json = {
  hash: '-20488172',
  bot: { id: STORE_BOT_ID, name: 'Store Locator', chatBotType: 'CUSTOMER_FACING_BOT', status: 'NEW', language: 'en-US', version: '2' },
  responder: [
    {
      chatbotId: STORE_BOT_ID,
      id: '3c4d5e6f-0001-4000-8000-000000000001',
      name: 'StoreLocator',
      webhook: 'https://stores.example.com/api/stores?zip={$botContext.zip}',
      method: 'GET',
      fileUrl: '{{file_url}}',
      defaultValues: [{ key: 'title' }, { key: 'subTitle' }, { key: 'image' }, { key: 'itemUrl' }],
      customDataFields: [
        { key: 'city', value: '{$.api_StoreLocator.stores[i].city}' },
        { key: 'label', value: 'Store {$.api_StoreLocator.stores[i].id} in {$.api_StoreLocator.stores[i].city}' },
      ],
      transformResultsScript:
        "var response = botContext.getBotVariable('api_StoreLocator');\nvar stores = JSON.parse(response.jsonData).api_StoreLocator.stores;\nbotContext.setBotVariable('storeCount', stores.length, true, false);",
      results: { type: 'TEXT', tile: tile() },
      group: 'Responders',
      responseDataVariable: 'StoreLocator',
      integrationType: 'API',
      tangoContextEnabled: false,
    },
  ],
  requiredContext: [],
  conversationMessage: [],
  menus: [],
  groups: [],
  globalFunctions: { functions: 'function greet() {\n  return "hi";\n}' },
  platforms: [
    {
      id: 'f0000000000000000000000000000000000000001',
      chatbotId: STORE_BOT_ID,
      integrationType: 'HTMLCLIENT',
      platform: 'HTMLCLIENT',
      status: 'NEW',
    },
  ],
  associatedDomains: [],
  dialogTemplates: [],
};

/** File name → text, written as Conversation Builder writes its exports (two-space JSON). */
export const OWN_EXPORTS: Readonly<Record<string, string>> = {
  'own-store-locator__store-locator.json': JSON.stringify(storeLocator, null, 2),
  'own-support-desk__support-desk.json': JSON.stringify(supportDesk, null, 2),
};

export const OWN_SUPPORT_DESK = 'own-support-desk__support-desk.json';
export const OWN_STORE_LOCATOR = 'own-store-locator__store-locator.json';
