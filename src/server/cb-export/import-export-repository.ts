import { recordAudit } from '../db/audit';
import { quietEvents, recordBotEvent } from '../db/bot-events';
import { eq, sql } from 'drizzle-orm';
import type { Bot } from '../../domain/bot';
import type { BotExtras, ResponderExtras } from '../../domain/cb-export';
import type { Integration } from '../../domain/integration';
import type { Database } from '../db/database';
import { bots as botsTable, integrations as integrationsTable } from '../db/schema';
import { notFound } from '../errors';
import { toBot, type BotsRepository } from '../bots/bots-repository';
import { toIntegration } from '../integrations/integration-rows';
import { readBotIntegrations } from '../integrations/integration-statements';
import type { IntegrationsRepository } from '../integrations/integrations-repository';
import type { EnvironmentsRepository } from '../environments/environments-repository';
import { hostOf, type CredentialHosts } from './credential-mapping';
import type { ImportPlan } from './plan-import';
import { readBotExtras, writeDialogItems } from './dialog-items-store';
import { decodeResponderExtras, encodeBotExtras, encodeExtras } from './stored-extras';

interface BotWithExtras {
  bot: Bot;
  /** The name of the bot's environment, which a file carries in place of its id (ids differ between accounts). */
  environmentName: string | null;
  extras: BotExtras | null;
  integrations: Array<{ integration: Integration; extras: ResponderExtras | null }>;
}

export function createImportExportRepository(
  db: Database,
  bots: BotsRepository,
  integrations: IntegrationsRepository,
  environments: EnvironmentsRepository,
) {
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

    /**
     * Creates the bot and all its integrations, or nothing: the plan must be valid. A file that names an
     * environment keeps it: the bot points at the environment of that name, made empty when there is none
     * (so its checks list every `{$env.X}` it lacks).
     */
    async importPlan(
      plan: ImportPlan,
      environmentName: string | null = null,
      /** Writes what other features keep of the file, in the import's transaction. */
      alongside?: (tx: Database, botId: string, created: Integration[]) => Promise<void>,
    ): Promise<{ bot: Bot; integrations: Integration[] }> {
      if (!plan.valid || !plan.bot.values) throw new Error('importPlan needs a plan without problems');
      const botValues = plan.bot.values;
      return db.transaction(async (tx) => {
        // One event for the whole import rather than one per integration (thousands, on a bot nobody watches yet).
        await quietEvents(tx);
        const environmentId = environmentName
          ? ((await environments.idByName(environmentName, tx)) ?? (await environments.create({ name: environmentName }, tx)).id)
          : null;
        const stored = encodeBotExtras(plan.bot.extras);
        const bot = await bots.create({ ...botValues, extras: stored.extras, environmentId }, tx);
        if (plan.bot.extras) await writeDialogItems(tx, bot.id, null, plan.bot.extras, stored.items);
        const items = plan.integrations.map((item) => ({ values: item.values!, extras: encodeExtras(item.extras), version: item.version }));
        const created = await integrations.createMany(bot.id, items, tx);
        await alongside?.(tx, bot.id, created);
        await recordBotEvent(tx, bot.id, 'bot.imported', { name: bot.name, integrations: created.length, author: null });
        await recordAudit(tx, {
          action: 'import',
          botId: bot.id,
          summary: `Imported bot ${bot.name} with ${created.length} integration${created.length === 1 ? '' : 's'}`,
        });
        return { bot, integrations: created };
      });
    },

    /** Exports are in the trail: who took a copy of a bot, and when. */
    async recordExport(botId: string, botName: string, format: string): Promise<void> {
      await recordAudit(db, { action: 'export', botId, summary: `Exported bot ${botName} (${format})` });
    },

    /** The bot, its integrations and their extras, read in one transaction so they belong together. */
    async readForExport(botId: string): Promise<BotWithExtras> {
      return db.transaction(async (tx) => {
        const [botRow] = await tx.select().from(botsTable).where(eq(botsTable.id, botId));
        if (!botRow) throw notFound(`Bot ${botId}`);
        return {
          bot: toBot(botRow),
          environmentName: await environments.nameOf(botRow.environmentId, tx),
          extras: await readBotExtras(tx, botId, botRow.extras),
          integrations: await readBotIntegrations(tx, botId, (row) => ({
            integration: toIntegration(row),
            extras: decodeResponderExtras(row.extras),
          })),
        };
      });
    },
  };
}
export type ImportExportRepository = ReturnType<typeof createImportExportRepository>;
