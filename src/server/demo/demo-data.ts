import type { IntegrationInput } from '../../domain/integration';
import { integrationInputSchema } from '../../domain/integration';
import { INTEGRATION_TYPE_DESCRIPTORS } from '../../domain/integration-types';
import type { BotsRepository } from '../bots/bots-repository';
import type { IntegrationsRepository } from '../integrations/integrations-repository';
import { DEMO_CREDENTIAL_ID } from '../credentials/credentials-repository';

export const DEMO_BOT = {
  name: 'Customer Care Bot',
  description: 'Answers order questions and hands over to a live agent when the customer asks for one.',
};

/** The demo directories' own entries, which the demo integrations pick (the types' demos name no credential). */
const DEMO_RESOURCES: Partial<Record<IntegrationInput['type'], Record<string, string>>> = {
  API: { credentialId: DEMO_CREDENTIAL_ID },
  FILE: { credentialId: DEMO_CREDENTIAL_ID },
};

/** Agent Escalation first, as a demo shows it, then one of every other type: each type's own demo. */
export const DEMO_INTEGRATIONS: IntegrationInput[] = [...INTEGRATION_TYPE_DESCRIPTORS]
  .sort((a, b) => Number(b.type === 'LIVEPERSON_AGENT_ESCALATION') - Number(a.type === 'LIVEPERSON_AGENT_ESCALATION'))
  .map((descriptor) => ({ type: descriptor.type, ...descriptor.demo, ...DEMO_RESOURCES[descriptor.type] }) as IntegrationInput);

export async function seedDemoData(bots: BotsRepository, integrations: IntegrationsRepository) {
  const bot = await bots.create(DEMO_BOT);
  for (const input of DEMO_INTEGRATIONS) {
    await integrations.create(bot.id, integrationInputSchema.parse(input));
  }
  return bot;
}
