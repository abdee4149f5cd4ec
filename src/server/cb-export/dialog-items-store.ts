import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { BotExtras } from '../../domain/cb-export';
import type { Database } from '../db/database';
import { readPaged } from '../db/paged-read';
import { botDialogItems, bots } from '../db/schema';
import { decodeBotExtras, listsOf, DIALOG_LISTS, encodeBotExtras, hasItemsApart, ITEMS_APART, type DialogItemRow } from './stored-extras';

/*
 * The dialog items of a bot's kept file (bot_dialog_items): written beside its extras by an import and by
 * every change of its dialogs, read back whole for an export.
 */

/** Rows a statement inserts: 4 parameters each, far below PostgreSQL's 65,535. */
const INSERT_BATCH = 1_000;

/**
 * Stores the items of `after` that differ from `before` (the items as stored; null when none are): a rename
 * rewrites a few interactions and an added dialog appends, so most saves write a few rows, not the file.
 * Items left as they were are the same objects in both (the changes are made by copying), so they compare by identity.
 */
export async function writeDialogItems(
  tx: Database,
  botId: string,
  before: BotExtras | null,
  after: BotExtras,
  items: DialogItemRow[],
): Promise<void> {
  const changed = items.filter(({ list, position }) => {
    const old = before?.topLevel[list];
    return !Array.isArray(old) || old[position] !== (after.topLevel[list] as unknown[])[position];
  });
  if (before === null) await tx.delete(botDialogItems).where(eq(botDialogItems.botId, botId));
  for (const list of DIALOG_LISTS) {
    const length = items.filter((item) => item.list === list).length;
    if (before !== null) {
      await tx
        .delete(botDialogItems)
        .where(and(eq(botDialogItems.botId, botId), eq(botDialogItems.list, list), gte(botDialogItems.position, length)));
    }
  }
  for (let start = 0; start < changed.length; start += INSERT_BATCH) {
    await tx
      .insert(botDialogItems)
      .values(changed.slice(start, start + INSERT_BATCH).map((item) => ({ botId, ...item })))
      .onConflictDoUpdate({
        target: [botDialogItems.botId, botDialogItems.list, botDialogItems.position],
        set: { item: sql`excluded.item` },
      });
  }
}

/**
 * Rewrites the bots stored before their dialog lists were kept apart, one transaction each, so that no read
 * parses their whole file any more. Their version stays: what they hold is the same. Runs at start, under
 * the start-up lock (prepareDatabase), once: rewritten rows are marked.
 */
export async function keepDialogItemsApart(db: Database): Promise<number> {
  const legacy = await db
    .select({ id: bots.id })
    .from(bots)
    .where(sql`${bots.extras} ? 'cbExtrasJson' and not ${bots.extras} ? ${ITEMS_APART}`);
  for (const { id } of legacy) {
    await db.transaction(async (tx) => {
      const [row] = await tx.select({ extras: bots.extras }).from(bots).where(eq(bots.id, id)).for('no key update');
      if (!row || hasItemsApart(row.extras)) return;
      const extras = decodeBotExtras(row.extras);
      // A file that no longer parses stays as it is: it reads as a bot made in the panel, as before.
      if (!extras) return;
      const stored = encodeBotExtras(extras);
      await tx.update(bots).set({ extras: stored.extras }).where(eq(bots.id, id));
      await writeDialogItems(tx, id, null, extras, stored.items);
    });
  }
  return legacy.length;
}

/**
 * The dialog items of a bot's stored extras put back in their lists, read a page at a time in the file's
 * order; answers the characters of stored JSON read. The extras must be decoded from a row marked as kept apart.
 */
export async function fillDialogItems(tx: Database, botId: string, extras: BotExtras): Promise<number> {
  const lists = listsOf(extras);
  let bytes = 0;
  await readPaged(
    (after: { list: string; position: number } | undefined, limit) =>
      tx
        .select({ list: botDialogItems.list, position: botDialogItems.position, item: botDialogItems.item })
        .from(botDialogItems)
        .where(
          and(
            eq(botDialogItems.botId, botId),
            // The whole key compared as a row, so that each page starts where the last ended in the primary key's index.
            after &&
              sql`(${botDialogItems.botId}, ${botDialogItems.list}, ${botDialogItems.position}) > (${botId}, ${after.list}, ${after.position})`,
          ),
        )
        .orderBy(asc(botDialogItems.list), asc(botDialogItems.position))
        .limit(limit),
    (row) => ({ list: row.list, position: row.position }),
    (row) => {
      bytes += row.item.length;
      lists[row.list]?.push(JSON.parse(row.item));
    },
  );
  return bytes;
}

/** The bot's stored extras with their dialog items, whole (an export writes all of them anyway). */
export async function readBotExtras(tx: Database, botId: string, stored: Record<string, unknown>): Promise<BotExtras | null> {
  const extras = decodeBotExtras(stored);
  if (extras && hasItemsApart(stored)) await fillDialogItems(tx, botId, extras);
  return extras;
}
