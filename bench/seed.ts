import type { IntegrationInput, IntegrationInputOf } from '../src/domain/integration';
import { anIntegrationInput } from '../src/domain/samples';

export interface SeededIntegration {
  id: string;
  name: string;
  version: number;
}

export interface SeededBot {
  botId: string;
  integrations: SeededIntegration[];
}

async function json<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** An Agent Escalation with every field set, about the size of a real one. */
export function escalation(name: string): IntegrationInputOf<'LIVEPERSON_AGENT_ESCALATION'> {
  return anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', {
    name,
    responseDataVariable: name,
    transferBotContext: true,
    transformScript: "var skill = botContext.getBotVariable('skillId');\nbotContext.printDebugMessage('escalating to ' + skill);",
    customDataFields: [
      { key: 'orderId', value: '{$botContext.orderId}' },
      { key: 'customerTier', value: '{$botContext.tier}' },
    ],
  });
}

/** Zero-padded names sort the same way in the list and in the database. */
export const integrationName = (index: number) => `Transfer_${String(index).padStart(4, '0')}`;

/**
 * A bot with `count` integrations (`others` first, then Agent Escalations) in one request, through the native import endpoint
 * (one transaction: far faster than thousands of POSTs, and still the public API).
 */
export async function importBot(baseUrl: string, name: string, count: number, others: readonly IntegrationInput[] = []): Promise<string> {
  const file = {
    format: 'integrations-panel',
    formatVersion: 1,
    bot: { name, description: 'Seeded by npm run bench' },
    integrations: [...others, ...Array.from({ length: count - others.length }, (_, index) => escalation(integrationName(index)))],
    extras: null,
  };
  const response = await fetch(`${baseUrl}/api/bots/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(file),
    signal: AbortSignal.timeout(120_000),
  });
  const created = await json<{ bot: { id: string } }>(response, `importing ${count} integrations`);
  return created.bot.id;
}

/** The ids and versions of a bot's first `limit` integrations by name. */
export async function listIntegrations(baseUrl: string, botId: string, limit: number): Promise<SeededIntegration[]> {
  const response = await fetch(`${baseUrl}/api/bots/${botId}/integrations?limit=${limit}`);
  const page = await json<{ items: SeededIntegration[] }>(response, 'listing integrations');
  return page.items.map(({ id, name, version }) => ({ id, name, version }));
}

/** The bot the API figures use: enough integrations for a page of 100 and one for each PUT connection. */
export async function seedApiBot(baseUrl: string, count = 150): Promise<SeededBot> {
  const botId = await importBot(baseUrl, 'Bench Bot', count);
  return { botId, integrations: await listIntegrations(baseUrl, botId, count) };
}
