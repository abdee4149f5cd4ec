import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { BotExtras } from '../../domain/cb-export';
import { cbExportSchema } from '../../domain/cb-export';
import type { BotRevision } from '../../domain/dialogs';
import type { Database } from '../db/database';
import { botRevisions, bots, integrations as integrationsTable } from '../db/schema';
import { authorOf, currentActor } from '../db/actor-context';
import { recordAudit } from '../db/audit';
import { LOCAL_AUTHOR } from '../../domain/people';
import { notFound } from '../errors';
import { toIntegration } from '../integrations/integration-rows';
import { mapCbExport } from '../cb-export/from-cb';
import { decodeBotExtras, decodeResponderExtras, encodeExtras } from '../cb-export/stored-extras';
import { toCbExport } from '../cb-export/to-cb';
import { botIntegrationsOf, readBotModelSteps, type BotModel } from './dialog-model';
import { runSliced } from './walk-steps';

/*
 * Reads a bot with its kept CB file and integrations as one model, and writes its dialogs back
 * as a revision of the bot. Both run inside the caller's transaction.
 */

export type BotRow = Pick<typeof bots.$inferSelect, 'id' | 'name' | 'description' | 'version'>;

export interface LoadedBot {
  row: BotRow;
  extras: BotExtras | null;
  model: BotModel;
}

/**
 * The bot, its extras and integrations, read together. `forUpdate` locks the bot row, so two
 * changes to one bot's dialogs (or a rename and a delete) run one after the other. `NO KEY UPDATE`, not
 * `UPDATE`: a save of one of its integrations takes the key share its revision's foreign key needs
 * meanwhile, and must not wait for this (the lock order is in db/retry.ts).
 */
export async function loadBot(tx: Database, botId: string, forUpdate = false): Promise<LoadedBot> {
  // The kept file as text: read as jsonb it is parsed twice (the column, then the text inside it), 7 MB each for a big bot.
  const query = tx
    .select({
      id: bots.id,
      name: bots.name,
      description: bots.description,
      version: bots.version,
      extrasJson: sql<string | null>`${bots.extras} ->> 'cbExtrasJson'`,
    })
    .from(bots)
    .where(eq(bots.id, botId));
  const [found] = forUpdate ? await query.for('no key update') : await query;
  if (!found) throw notFound(`Bot ${botId}`);
  const { extrasJson, ...row } = found;
  const rows = await tx
    .select()
    .from(integrationsTable)
    .where(eq(integrationsTable.botId, botId))
    .orderBy(asc(sql`lower(${integrationsTable.name})`), asc(integrationsTable.id));
  const extras = extrasJson === null ? null : decodeBotExtras({ cbExtrasJson: extrasJson });
  const integrations = botIntegrationsOf(
    rows.map((item) => ({ integration: toIntegration(item), extras: decodeResponderExtras(item.extras) })),
  );
  return { row, extras, model: await runSliced(readBotModelSteps(extras, integrations)) };
}

/**
 * The extras of a bot made in the panel, as if it had been imported from its own CB export: the
 * same keys and order a real export has, so a dialog added to it is written like an imported one.
 */
export function extrasForPanelBot(loaded: LoadedBot): BotExtras {
  const file = toCbExport({
    id: loaded.row.id,
    name: loaded.row.name,
    description: loaded.row.description,
    extras: null,
    integrations: loaded.model.integrations.map(({ integration }) => ({ id: integration.id, values: integration, extras: null })),
  });
  cbExportSchema.parse(file);
  return mapCbExport(file as Parameters<typeof mapCbExport>[0]).bot.extras;
}

/** The id the bot's interactions carry as chatBotId: the CB bot id it was imported with, or its own. */
export function chatBotIdOf(loaded: LoadedBot, extras: BotExtras): string {
  const kept = extras.bot.unmapped.id;
  return typeof kept === 'string' && kept !== '' ? kept : loaded.row.id;
}

/** The dialogs and interactions a change added or rewrote: what its revision keeps. */
export interface DialogsChange {
  groups: Array<Record<string, unknown>>;
  conversationMessage: Array<Record<string, unknown>>;
}

/** Saves new dialogs for the bot: its version goes up by one and the change is recorded in its history. */
export async function writeDialogs(
  tx: Database,
  loaded: LoadedBot,
  extras: BotExtras,
  revision: { action: BotRevision['action']; summary: string; changed: DialogsChange },
): Promise<number> {
  const [updated] = await tx
    .update(bots)
    .set({ extras: encodeExtras(extras), updatedAt: new Date(), version: sql`${bots.version} + 1` })
    .where(and(eq(bots.id, loaded.row.id), eq(bots.version, loaded.row.version)))
    .returning({ version: bots.version });
  // The row is locked by loadBot(forUpdate): a changed version here means a caller forgot the lock.
  if (!updated) throw new Error(`bot ${loaded.row.id} changed while its dialogs were being written`);
  const actor = currentActor();
  await tx.insert(botRevisions).values({
    botId: loaded.row.id,
    version: updated.version,
    action: revision.action,
    summary: revision.summary,
    snapshot: { cbChangedJson: JSON.stringify(revision.changed) },
    author: authorOf(actor),
  });
  // A rename's own entry (written with the integration's save) already tells this.
  if (revision.action !== 'rename-references') {
    await recordAudit(tx, { action: 'save', botId: loaded.row.id, summary: revision.summary }, actor);
  }
  return updated.version;
}

export async function listBotRevisions(db: Database, botId: string): Promise<BotRevision[]> {
  const rows = await db.select().from(botRevisions).where(eq(botRevisions.botId, botId)).orderBy(desc(botRevisions.version));
  return rows.map((row) => ({
    version: row.version,
    action: row.action,
    summary: row.summary,
    createdAt: row.createdAt.toISOString(),
    author: row.author ?? LOCAL_AUTHOR,
  }));
}
