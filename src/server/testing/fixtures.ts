import type { IntegrationInput } from '../../domain/integration';
import type { TestServer } from './api-harness';

export function escalationInput(overrides: Partial<Extract<IntegrationInput, { type: 'LIVEPERSON_AGENT_ESCALATION' }>> = {}) {
  return {
    type: 'LIVEPERSON_AGENT_ESCALATION' as const,
    name: 'Escalation',
    responseDataVariable: 'Escalation',
    agentSkillName: 'Billing',
    agentSkillId: '3402109730',
    agentId: '',
    transferBotContext: false,
    messageToUser: 'Hold on while I connect you with an agent.',
    transformScript: '',
    customDataFields: [],
    ...overrides,
  };
}

export function apiInput(overrides: Record<string, unknown> = {}) {
  return {
    type: 'API' as const,
    name: 'OrderStatus',
    method: 'GET',
    url: 'https://orders.example.com/{$botContext.orderId}',
    ...overrides,
  };
}

/** Empties the database and creates one bot; returns its id. */
export async function freshBot(server: TestServer, name = 'Test Bot'): Promise<string> {
  await server.request('POST', '/api/testing/reset', { body: { seed: 'empty' } });
  const created = await server.request<{ id: string }>('POST', '/api/bots', { body: { name } });
  if (created.status !== 201) throw new Error(`could not create a bot: ${created.status}`);
  return created.body.id;
}
