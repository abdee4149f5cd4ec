import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { botSchema } from '../../domain/bot';
import type { Database } from '../db/database';
import {
  bots as botsTable,
  credentials as credentialsTable,
  integrationRevisions,
  knowledgeBases as knowledgeBasesTable,
  lpFunctions,
  skills as skillsTable,
} from '../db/schema';
import type { DirectoryRepository } from '../directories/directory-repository';
import { seedDemoData } from './demo-data';
import type { BotsRepository } from '../bots/bots-repository';
import type { IntegrationsRepository } from '../integrations/integrations-repository';

// Fastify hands a body-less POST to the validator as null: that means the defaults.
const resetBody = z
  .strictObject({ seed: z.enum(['demo', 'empty'], { error: 'seed must be "demo" or "empty".' }).default('demo') })
  .nullish();

/** Only registered when NODE_ENV=test or ENABLE_TEST_API=1: it wipes the database. */
export const testingRoutes: FastifyPluginAsyncZod<{
  db: Database;
  bots: BotsRepository;
  integrations: IntegrationsRepository;
  /** Every directory's repository: the demo integrations refer to their demo entries. */
  directories: Record<string, Pick<DirectoryRepository, 'seedDemo'>>;
}> = async (app, { db, bots, integrations, directories }) => {
  // An empty POST (no body, no Content-Type) is the common call from QA scripts.
  app.post(
    '/api/testing/reset',
    {
      schema: {
        tags: ['testing'],
        summary: 'Empty the database and load the demo data (or nothing, with seed "empty")',
        body: resetBody,
        response: { 200: z.object({ bots: z.array(botSchema) }) },
      },
    },
    async (request) => {
      await db.transaction(async (tx) => {
        await tx.delete(integrationRevisions);
        await tx.delete(botsTable);
        await tx.delete(skillsTable);
        await tx.delete(credentialsTable);
        await tx.delete(lpFunctions);
        await tx.delete(knowledgeBasesTable);
      });
      const seed = request.body?.seed ?? 'demo';
      if (seed === 'empty') return { bots: [] };
      for (const directory of Object.values(directories)) await directory.seedDemo();
      return { bots: [await seedDemoData(db, bots, integrations)] };
    },
  );
};
