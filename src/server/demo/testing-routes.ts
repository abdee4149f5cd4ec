import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { botSchema } from '../../domain/bot';
import type { Database } from '../db/database';
import {
  bots as botsTable,
  credentials as credentialsTable,
  environments as environmentsTable,
  integrationRevisions,
  knowledgeBases as knowledgeBasesTable,
  deletedDirectoryEntries,
  lpFunctions,
  skills as skillsTable,
} from '../db/schema';
import type { DirectoryRepository } from '../directories/directory-repository';
import { seedDemoData } from './demo-data';
import { createTestCasesRepository } from '../test-cases/test-cases-repository';
import type { BotsRepository } from '../bots/bots-repository';
import type { IntegrationsRepository } from '../integrations/integrations-repository';
import { DEMO_BOT } from '../../domain/samples';
import { DIRECTORIES } from '../../domain/directories';
import { notFound } from '../errors';

// Fastify hands a body-less POST to the validator as null: that means the defaults.
const resetBody = z
  .strictObject({ seed: z.enum(['demo', 'empty'], { error: 'seed must be "demo" or "empty".' }).default('demo') })
  .nullish();

const fixtureBody = z
  .strictObject({
    seed: z.enum(['demo', 'empty'], { error: 'seed must be "demo" or "empty".' }).default('demo'),
    prefix: z.string().trim().min(1).max(60).optional(),
  })
  .nullish();

const idsByName = z.record(z.string(), z.string());
const fixtureSchema = z.object({
  botId: z.uuid(),
  botName: z.string(),
  integrationIds: idsByName,
  skillIds: idsByName,
  credentialIds: idsByName,
  functionIds: idsByName,
  knowledgeBaseIds: idsByName,
});

const DIRECTORY_KEYS = {
  skills: 'skillIds',
  credentials: 'credentialIds',
  functions: 'functionIds',
  'knowledge-bases': 'knowledgeBaseIds',
} as const;

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
        await tx.delete(environmentsTable);
        await tx.delete(skillsTable);
        await tx.delete(credentialsTable);
        await tx.delete(lpFunctions);
        await tx.delete(knowledgeBasesTable);
        await tx.delete(deletedDirectoryEntries);
      });
      const seed = request.body?.seed ?? 'demo';
      if (seed === 'empty') return { bots: [] };
      for (const directory of Object.values(directories)) await directory.seedDemo();
      return { bots: [await seedDemoData(db, bots, integrations, createTestCasesRepository(db))] };
    },
  );

  // One bot per test instead of one database for all: parallel workers never see each other's bots. The
  // directories are global, so the demo entries the demo integrations refer to are put back if missing
  // (never changed): a test that edits a directory makes entries of its own with unique names.
  app.post(
    '/api/testing/fixtures',
    {
      schema: {
        tags: ['testing'],
        summary: "A fresh bot for one test: the demo bot's integrations (seed demo) or none (seed empty), named with the prefix",
        body: fixtureBody,
        response: { 201: fixtureSchema },
      },
    },
    async (request, reply) => {
      const seed = request.body?.seed ?? 'demo';
      const prefix = request.body?.prefix;
      const baseName = seed === 'demo' ? DEMO_BOT.name : 'Empty bot';
      const name = prefix ? `${prefix} ${baseName}` : baseName;
      const directoryIds = { skillIds: {}, credentialIds: {}, functionIds: {}, knowledgeBaseIds: {} } as Record<
        (typeof DIRECTORY_KEYS)[keyof typeof DIRECTORY_KEYS],
        Record<string, string>
      >;
      let bot;
      if (seed === 'demo') {
        for (const directory of Object.values(directories)) await directory.seedDemo();
        for (const directory of DIRECTORIES)
          for (const entry of directory.demo) directoryIds[DIRECTORY_KEYS[directory.kind]][entry.name] = String(entry.id);
        // The demo seed names its bot: renamed after, so whatever the seed adds comes along unchanged.
        const seeded = await seedDemoData(db, bots, integrations, createTestCasesRepository(db));
        bot = name === seeded.name ? seeded : await bots.update(seeded.id, seeded.version, { name });
      } else {
        bot = await bots.create({ name, description: '' });
      }
      const integrationIds: Record<string, string> = {};
      for (let cursor: string | undefined, first = true; first || cursor; first = false) {
        const page = await integrations.list(bot.id, { limit: 500, cursor });
        for (const item of page.items) integrationIds[item.name] = item.id;
        cursor = page.nextCursor ?? undefined;
      }
      reply.code(201);
      return { botId: bot.id, botName: bot.name, integrationIds, ...directoryIds };
    },
  );

  app.delete(
    '/api/testing/fixtures/:botId',
    {
      schema: {
        tags: ['testing'],
        summary: "Drop a fixture's bot with everything it holds (its integrations, their history, its dialogs)",
        params: z.object({ botId: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const dropped = await db.delete(botsTable).where(eq(botsTable.id, request.params.botId)).returning({ id: botsTable.id });
      if (dropped.length === 0) throw notFound(`The fixture bot ${request.params.botId}`);
      return reply.code(204).send(null);
    },
  );
};
