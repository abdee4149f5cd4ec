import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { botSchema } from '../../domain/bot';
import type { Database } from '../db/database';
import { bots as botsTable, integrationRevisions, skills as skillsTable } from '../db/schema';
import { seedDemoData } from '../demo-data';
import type { BotsRepository } from '../repositories/bots-repository';
import type { IntegrationsRepository } from '../repositories/integrations-repository';
import type { SkillsRepository } from '../skills/skills-repository';

// Fastify hands a body-less POST to the validator as null: that means the defaults.
const resetBody = z
  .strictObject({ seed: z.enum(['demo', 'empty'], { error: 'seed must be "demo" or "empty".' }).default('demo') })
  .nullish();

/** Only registered when NODE_ENV=test or ENABLE_TEST_API=1: it wipes the database. */
export const testingRoutes: FastifyPluginAsyncZod<{
  db: Database;
  bots: BotsRepository;
  integrations: IntegrationsRepository;
  skills: SkillsRepository;
}> = async (app, { db, bots, integrations, skills }) => {
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
      });
      const seed = request.body?.seed ?? 'demo';
      if (seed === 'empty') return { bots: [] };
      await skills.seedDemo();
      return { bots: [await seedDemoData(bots, integrations)] };
    },
  );
};
