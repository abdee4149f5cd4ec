import type { IntegrationInput } from '../domain/integration';
import { integrationInputSchema } from '../domain/integration';
import type { BotsRepository } from './repositories/bots-repository';
import type { IntegrationsRepository } from './repositories/integrations-repository';
import { DEMO_CREDENTIAL_ID } from './credentials/credentials-repository';

export const DEMO_BOT = {
  name: 'Customer Care Bot',
  description: 'Answers order questions and hands over to a live agent when the customer asks for one.',
};

const escalationScript = `// Keep the queue position the transfer returned, for the goodbye message.
var result = botContext.getBotVariable('api_Escalation');
var data = JSON.parse(result.jsonData).api_Escalation;
botContext.setBotVariable('queuePosition', String(data.queuePosition), true, false);
botContext.printDebugMessage('Transfer queued at position ' + data.queuePosition);
`;

/** One complete Agent Escalation integration and one of every other type, as a demo shows them. */
export const DEMO_INTEGRATIONS: IntegrationInput[] = [
  {
    type: 'LIVEPERSON_AGENT_ESCALATION',
    name: 'Escalation',
    responseDataVariable: 'Escalation',
    agentSkillName: 'Customer Care',
    agentSkillId: '3402109730',
    agentId: '',
    transferBotContext: false,
    messageToUser: 'Hold on while I connect you with an agent.',
    transformScript: escalationScript,
    customDataFields: [
      { key: 'queuePosition', value: '{$.api_Escalation.queuePosition}' },
      { key: 'estimatedWait', value: '{$.api_Escalation.estimatedWaitSeconds}' },
    ],
  },
  {
    type: 'API',
    name: 'OrderStatus',
    responseDataVariable: 'OrderStatus',
    method: 'GET',
    url: 'https://orders.example.com/api/orders/{$botContext.orderNumber}',
    credentialId: DEMO_CREDENTIAL_ID,
    headers: [{ key: 'Accept', value: 'application/json' }],
    requestParameters: [{ key: 'fields', value: 'status,eta' }],
    customDataFields: [
      { key: 'status', value: '{$.api_OrderStatus.status}' },
      { key: 'eta', value: '{$.api_OrderStatus.eta}' },
    ],
  },
  {
    type: 'EMAIL',
    name: 'SendTranscript',
    responseDataVariable: 'SendTranscript',
    to: '{$botContext.email}',
    replyTo: 'care@example.com',
    subject: 'Your conversation with Customer Care',
    body: 'Hello {$botContext.firstName}, here is the summary of your conversation.',
    html: false,
  },
  {
    type: 'FILE',
    name: 'UploadReceipt',
    responseDataVariable: 'UploadReceipt',
    method: 'PUT',
    url: 'https://files.example.com/receipts/{$botContext.orderNumber}',
    credentialId: DEMO_CREDENTIAL_ID,
    headers: [{ key: 'Content-Type', value: 'application/octet-stream' }],
  },
  {
    type: 'FAAS',
    name: 'LoyaltyPoints',
    responseDataVariable: 'LoyaltyPoints',
    functionId: 'loyalty-points-lookup',
    headers: [{ key: 'X-Region', value: 'us' }],
    payload: '{ "customerId": "{$botContext.customerId}" }',
  },
  {
    type: 'KNOWLEDGE_AI',
    name: 'FAQ',
    responseDataVariable: 'FAQ',
    knowledgeBaseId: 'customer-care-faq',
    method: 'PHRASE_SEARCH',
    mode: 'INTENTS',
    threshold: 'GOOD',
    phrase: '{$query}',
    multipleResults: 3,
    customDataFields: [{ key: 'answer', value: '{$.api_FAQ.results[0].summary}' }],
  },
];

export async function seedDemoData(bots: BotsRepository, integrations: IntegrationsRepository) {
  const bot = await bots.create(DEMO_BOT);
  for (const input of DEMO_INTEGRATIONS) {
    await integrations.create(bot.id, integrationInputSchema.parse(input));
  }
  return bot;
}
