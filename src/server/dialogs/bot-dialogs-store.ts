import { and, desc, eq, sql } from 'drizzle-orm';
import type { BotExtras } from '../../domain/cb-export';
import { cbExportSchema } from '../../domain/cb-export';
import type { BotRevision } from '../../domain/dialogs';
import type { Database } from '../db/database';
import { botRevisions, bots } from '../db/schema';
import { authorOf, currentActor } from '../db/actor-context';
import { recordAudit } from '../db/audit';
import { LOCAL_AUTHOR } from '../../domain/people';
import { notFound } from '../errors';
import { toIntegration } from '../integrations/integration-rows';
import { readBotIntegrations } from '../integrations/integration-statements';
import { mapCbExport } from '../cb-export/from-cb';
import { decodeBotExtras, decodeResponderExtras, encodeBotExtras, hasItemsApart, ITEMS_APART } from '../cb-export/stored-extras';
import { toCbExport } from '../cb-export/to-cb';
import { fillDialogItems, writeDialogItems } from '../cb-export/dialog-items-store';
import { botIntegrationsOf, readBotDialogsSteps, withIntegrations, type BotModel } from './dialog-model';
import type { KeptFile, KeptFileCache } from './kept-file-cache';
import { runSliced } from '../event-loop-slices';

/*
 * Reads a bot with its kept CB file and integrations as one model, and writes its dialogs back
 * as a revision of the bot. Both run inside the caller's transaction.
 */

export type BotRow = Pick<typeof bots.$inferSelect, 'id' | 'name' | 'description' | 'version'>;

export interface LoadedBot {
  row: BotRow;
  extras: BotExtras | null;
  model: BotModel;
  /** Whether its dialog lists are kept apart (bot_dialog_items), or still inside the whole stored file. */
  itemsApart: boolean;
}

/** Reads of a bot that changed meanwhile (a read outside the bot's lock): each one starts again. */
const LOAD_ATTEMPTS = 3;

class ChangedWhileRead extends Error {}

const keyOf = (botId: string, version: number) => `${botId}@${version}`;

/** The stored file of a bot at `version`, parsed: its rest, then its dialog items page by page. */
async function readKeptFile(tx: Database, botId: string, version: number, stored: Record<string, unknown>): Promise<KeptFile> {
  const extras = decodeBotExtras(stored);
  const text = stored.cbExtrasJson;
  let bytes = typeof text === 'string' ? text.length : 1;
  // Written before the lists were kept apart (prepareDatabase rewrites such rows at start): parsed whole.
  const apart = hasItemsApart(stored);
  if (extras && apart) {
    bytes += await fillDialogItems(tx, botId, extras);
    // Read committed: a save that came between two pages would mix two versions (every save bumps the version).
    const [now] = await tx.select({ version: bots.version }).from(bots).where(eq(bots.id, botId));
    if (now?.version !== version) throw new ChangedWhileRead();
  }
  return { extras, dialogs: await runSliced(readBotDialogsSteps(extras)), apart, bytes };
}

/**
 * The bot, its extras and integrations, read together. `forUpdate` locks the bot row, so two
 * changes to one bot's dialogs (or a rename and a delete) run one after the other. `NO KEY UPDATE`, not
 * `UPDATE`: a save of one of its integrations takes the key share its revision's foreign key needs
 * meanwhile, and must not wait for this (the lock order is in db/retry.ts).
 * The parsed file comes from `cache` when this process read the bot at this version before.
 */
export async function loadBot(tx: Database, cache: KeptFileCache, botId: string, forUpdate = false): Promise<LoadedBot> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await loadBotOnce(tx, cache, botId, forUpdate);
    } catch (error) {
      if (!(error instanceof ChangedWhileRead) || attempt >= LOAD_ATTEMPTS) throw error;
    }
  }
}

async function loadBotOnce(tx: Database, cache: KeptFileCache, botId: string, forUpdate: boolean): Promise<LoadedBot> {
  const query = tx
    .select({ id: bots.id, name: bots.name, description: bots.description, version: bots.version })
    .from(bots)
    .where(eq(bots.id, botId));
  const [row] = forUpdate ? await query.for('no key update') : await query;
  if (!row) throw notFound(`Bot ${botId}`);
  const file = await cache.fetch(keyOf(botId, row.version), {
    context: async () => {
      // The stored rest of the file as text: read as jsonb it is parsed twice (the column, then the text inside it).
      const [stored] = await tx
        .select({
          text: sql<string | null>`${bots.extras} ->> 'cbExtrasJson'`,
          apart: sql<boolean>`(${bots.extras} ->> ${ITEMS_APART}) = 'true'`,
        })
        .from(bots)
        .where(eq(bots.id, botId));
      const extras: Record<string, unknown> = stored?.text == null ? {} : { cbExtrasJson: stored.text };
      return readKeptFile(tx, botId, row.version, stored?.apart ? { ...extras, [ITEMS_APART]: true } : extras);
    },
  });
  if (!file) throw new Error(`the kept file of bot ${botId} was not read`);
  const integrations = botIntegrationsOf(
    await readBotIntegrations(tx, botId, (item) => ({ integration: toIntegration(item), extras: decodeResponderExtras(item.extras) })),
  );
  return { row, extras: file.extras, model: withIntegrations(file.dialogs, integrations), itemsApart: file.apart };
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
interface DialogsChange {
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
  const stored = encodeBotExtras(extras);
  const [updated] = await tx
    .update(bots)
    .set({ extras: stored.extras, updatedAt: new Date(), version: sql`${bots.version} + 1` })
    .where(and(eq(bots.id, loaded.row.id), eq(bots.version, loaded.row.version)))
    .returning({ version: bots.version });
  // The row is locked by loadBot(forUpdate): a changed version here means a caller forgot the lock.
  if (!updated) throw new Error(`bot ${loaded.row.id} changed while its dialogs were being written`);
  await writeDialogItems(tx, loaded.row.id, loaded.itemsApart ? loaded.extras : null, extras, stored.items);
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

/** What a revision of the bot's dialogs kept of the dialogs and interactions it changed. */
function changeOf(snapshot: unknown): DialogsChange {
  const text = (snapshot as { cbChangedJson?: unknown } | null)?.cbChangedJson;
  const parsed = typeof text === 'string' ? (JSON.parse(text) as Partial<DialogsChange>) : {};
  return { groups: parsed.groups ?? [], conversationMessage: parsed.conversationMessage ?? [] };
}

/** The ids of the dialogs the panel added to the bot (Add a failure dialog), whether or not the bot still has them. */
export async function panelAddedDialogIds(tx: Database, botId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ snapshot: botRevisions.snapshot })
    .from(botRevisions)
    .where(and(eq(botRevisions.botId, botId), eq(botRevisions.action, 'add-dialog')));
  return new Set(rows.flatMap((row) => changeOf(row.snapshot).groups.map((group) => String(group.id))));
}

/** The dialog and interactions the latest removal of `dialogId` took out of the bot, as they were. */
export async function lastRemovalOf(tx: Database, botId: string, dialogId: string): Promise<DialogsChange | undefined> {
  const rows = await tx
    .select({ snapshot: botRevisions.snapshot })
    .from(botRevisions)
    .where(and(eq(botRevisions.botId, botId), eq(botRevisions.action, 'remove-dialog')))
    .orderBy(desc(botRevisions.version));
  return rows.map((row) => changeOf(row.snapshot)).find((change) => change.groups.some((group) => group.id === dialogId));
}
