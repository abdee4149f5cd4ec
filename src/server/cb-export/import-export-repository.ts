import { asc, eq, sql } from 'drizzle-orm';
import type { Bot } from '../../domain/bot';
import type { BotExtras, ResponderExtras } from '../../domain/cb-export';
import type { Integration } from '../../domain/integration';
import type { Database } from '../db/database';
import { bots as botsTable, integrations as integrationsTable } from '../db/schema';
import { notFound } from '../errors';
import { toBot, type BotsRepository } from '../bots/bots-repository';
import { toIntegration } from '../integrations/integration-rows';
import type { IntegrationsRepository } from '../integrations/integrations-repository';
import { hostOf, type CredentialHosts } from './credential-mapping';
import type { ImportPlan } from './plan-import';
import { decodeBotExtras, decodeResponderExtras, encodeExtras } from './stored-extras';

export interface BotWithExtras {
  bot: Bot;
  extras: BotExtras | null;
  integrations: Array<{ integration: Integration; extras: ResponderExtras | null }>;
}

export function createImportExportRepository(db: Database, bots: BotsRepository, integrations: IntegrationsRepository) {
  return {
    /** The hosts the integrations that use a credential call, by credential id (for the import plan's warnings). */
    async credentialHosts(): Promise<CredentialHosts> {
      const rows = await db
        .select({
          credentialId: sql<string>`${integrationsTable.config}->>'credentialId'`,
          url: sql<string>`${integrationsTable.config}->>'url'`,
        })
        .from(integrationsTable)
        .where(sql`coalesce(${integrationsTable.config}->>'credentialId', '') <> '' and ${integrationsTable.config}->>'url' is not null`);
      const hosts = new Map<string, Set<string>>();
      for (const row of rows) {
        const host = hostOf(row.url);
        if (!host) continue;
        const known = hosts.get(row.credentialId) ?? new Set<string>();
        known.add(host);
        hosts.set(row.credentialId, known);
      }
      return hosts;
    },

    /** Creates the bot and all its integrations, or nothing: the plan must be valid. */
    async importPlan(
      plan: ImportPlan,
      /** Writes what other features keep of the file, in the import's transaction. */
      alongside?: (tx: Database, botId: string, created: Integration[]) => Promise<void>,
    ): Promise<{ bot: Bot; integrations: Integration[] }> {
      if (!plan.valid || !plan.bot.values) throw new Error('importPlan needs a plan without problems');
      const botValues = plan.bot.values;
      return db.transaction(async (tx) => {
        const bot = await bots.create({ ...botValues, extras: encodeExtras(plan.bot.extras) }, tx);
        const items = plan.integrations.map((item) => ({ values: item.values!, extras: encodeExtras(item.extras), version: item.version }));
        const created = await integrations.createMany(bot.id, items, tx);
        await alongside?.(tx, bot.id, created);
        return { bot, integrations: created };
      });
    },

    /** The bot, its integrations and their extras, read in one transaction so they belong together. */
    async readForExport(botId: string): Promise<BotWithExtras> {
      return db.transaction(async (tx) => {
        const [botRow] = await tx.select().from(botsTable).where(eq(botsTable.id, botId));
        if (!botRow) throw notFound(`Bot ${botId}`);
        const rows = await tx
          .select()
          .from(integrationsTable)
          .where(eq(integrationsTable.botId, botId))
          .orderBy(asc(sql`lower(${integrationsTable.name})`), asc(integrationsTable.id));
        return {
          bot: toBot(botRow),
          extras: decodeBotExtras(botRow.extras),
          integrations: rows.map((row) => ({ integration: toIntegration(row), extras: decodeResponderExtras(row.extras) })),
        };
      });
    },
  };
}
export type ImportExportRepository = ReturnType<typeof createImportExportRepository>;
