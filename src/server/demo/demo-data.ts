import type { IntegrationInput } from '../../domain/integration';
import { integrationInputSchema } from '../../domain/integration';
import { INTEGRATION_TYPE_DESCRIPTORS } from '../../domain/integration-types';
import { DEMO_BOT, demoIntegrationInput, demoTestCases } from '../../domain/samples';
import { testCaseInputSchema } from '../../domain/test-cases';
import type { TestCasesRepository } from '../test-cases/test-cases-repository';
import type { BotsRepository } from '../bots/bots-repository';
import type { IntegrationsRepository } from '../integrations/integrations-repository';
import { DEMO_CREDENTIAL_ID } from '../../domain/directories/credentials';
import type { Database } from '../db/database';
import { seedDialogs } from '../dialogs/seed-dialogs';
import { demoDialogs } from './demo-dialogs';

/** The demo directories' own entries, which the demo integrations pick (the types' demos name no credential). */
const DEMO_RESOURCES: Partial<Record<IntegrationInput['type'], { credentialId: string }>> = {
  API: { credentialId: DEMO_CREDENTIAL_ID },
  FILE: { credentialId: DEMO_CREDENTIAL_ID },
};

/** Agent Escalation first, as a demo shows it, then one of every other type: each type's own demo. */
const DEMO_INTEGRATIONS: IntegrationInput[] = [...INTEGRATION_TYPE_DESCRIPTORS]
  .sort((a, b) => Number(b.type === 'LIVEPERSON_AGENT_ESCALATION') - Number(a.type === 'LIVEPERSON_AGENT_ESCALATION'))
  .map(({ type }) => demoIntegrationInput(type, DEMO_RESOURCES[type]));

/** The demo bot, its integrations and their test cases, and dialogs that use each of them (demo-dialogs.ts). */
export async function seedDemoData(
  db: Database,
  bots: BotsRepository,
  integrations: IntegrationsRepository,
  testCases: TestCasesRepository,
) {
  const bot = await bots.create(DEMO_BOT);
  for (const input of DEMO_INTEGRATIONS) {
    const integration = await integrations.create(bot.id, integrationInputSchema.parse(input));
    for (const testCase of demoTestCases(integration.type)) {
      await testCases.create(bot.id, integration.id, testCaseInputSchema.parse(testCase));
    }
  }
  await seedDialogs(db, bot.id, demoDialogs);
  return bot;
}
