import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, notInArray, or, sql } from 'drizzle-orm';
import type { Bot, BotPatch } from '../../domain/bot';
import type { Page } from '../../domain/page';
import type { Database } from '../db/database';
import { bots, naturalOrderKey } from '../db/schema';
import { recordAudit } from '../db/audit';
import { badRequest, notFound, preconditionFailed } from '../errors';
import type { ListCursors } from '../db/cursor';

type BotRow = typeof bots.$inferSelect;

export function toBot(row: BotRow): Bot {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    environmentId: row.environmentId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The list's order and cursor: natural, so "Load bot 6" comes before "Load bot 59" (the index is on the same key). */
const nameKey = naturalOrderKey(bots.name);

interface BotValues {
  name: string;
  description: string;
  extras?: Record<string, unknown>;
  environmentId?: string | null;
}

/** PostgreSQL's foreign_key_violation, as both drivers report it (the cause of drizzle's error, or the error itself). */
function isForeignKeyViolation(error: unknown): boolean {
  const codeOf = (value: unknown) =>
    value && typeof value === 'object' && 'code' in value ? (value as { code: unknown }).code : undefined;
  return codeOf(error) === '23503' || codeOf((error as { cause?: unknown } | null)?.cause) === '23503';
}

const unknownEnvironment = (id: string) =>
  badRequest(`Environment ${id} does not exist: pick one from GET /api/environments, or null for none.`, {
    environmentId: 'Pick an environment that exists.',
  });

export function createBotsRepository(db: Database, cursors: ListCursors) {
  // Every request under /api/bots/:botId checks the bot first: built once, planned once per connection.
  const botExists = db
    .select({ id: bots.id })
    .from(bots)
    .where(eq(bots.id, sql.placeholder('id')))
    .prepare('bot_exists');

  async function requireRow(id: string): Promise<BotRow> {
    const [row] = await db.select().from(bots).where(eq(bots.id, id));
    if (!row) throw notFound(`Bot ${id}`);
    return row;
  }

  return {
    /** `hidden`: bots the asker may not read (a member role of none), left out of the pages. */
    async list(query: { q?: string; limit: number; cursor?: string; hidden?: readonly string[] }): Promise<Page<Bot>> {
      const cursor = cursors.decode(query.cursor, 'bots');
      const rows = await db
        .select({ bot: bots, nameKey })
        .from(bots)
        .where(
          and(
            query.q ? sql`strpos(lower(${bots.name}), lower(${query.q})) > 0` : undefined,
            query.hidden?.length ? notInArray(bots.id, [...query.hidden]) : undefined,
            cursor ? or(gt(nameKey, cursor.nameKey), and(eq(nameKey, cursor.nameKey), gt(bots.id, cursor.id))) : undefined,
          ),
        )
        .orderBy(asc(nameKey), asc(bots.id))
        .limit(query.limit + 1);
      const page = cursors.pageOf(rows, query.limit, (row) => ({ nameKey: row.nameKey, id: row.bot.id }), 'bots');
      return { items: page.items.map((row) => toBot(row.bot)), nextCursor: page.nextCursor };
    },

    async get(id: string): Promise<Bot> {
      return toBot(await requireRow(id));
    },

    async exists(id: string): Promise<boolean> {
      return (await botExists.execute({ id })).length > 0;
    },

    async extras(id: string): Promise<Record<string, unknown>> {
      return (await requireRow(id)).extras;
    },

    /** Given the caller's transaction (an import), the caller records what it did. */
    async create(values: BotValues, outer?: Database): Promise<Bot> {
      const insert = async (tx: Database) => {
        const [row] = await tx
          .insert(bots)
          .values({
            id: randomUUID(),
            name: values.name,
            description: values.description,
            extras: values.extras ?? {},
            environmentId: values.environmentId ?? null,
          })
          .returning();
        return toBot(row!);
      };
      if (outer) return insert(outer);
      return db.transaction(async (tx) => {
        const bot = await insert(tx);
        await recordAudit(tx, { action: 'create', botId: bot.id, summary: `Created bot ${bot.name}` });
        return bot;
      });
    },

    async update(id: string, expectedVersion: number, patch: BotPatch): Promise<Bot> {
      let row: BotRow | null | undefined;
      try {
        row = await db.transaction(async (tx) => {
          const [before] = await tx.select({ name: bots.name }).from(bots).where(eq(bots.id, id));
          const [updated] = await tx
            .update(bots)
            .set({ ...patch, updatedAt: new Date(), version: sql`${bots.version} + 1` })
            .where(and(eq(bots.id, id), eq(bots.version, expectedVersion)))
            .returning();
          if (!updated) return null;
          const renamed = before && before.name !== updated.name;
          await recordAudit(tx, {
            action: renamed ? 'rename' : 'save',
            botId: id,
            summary: renamed ? `Renamed bot ${before.name} to ${updated.name}` : `Saved bot ${updated.name}`,
          });
          return updated;
        });
      } catch (error) {
        if (patch.environmentId && isForeignKeyViolation(error)) throw unknownEnvironment(patch.environmentId);
        throw error;
      }
      if (row) return toBot(row);
      throw preconditionFailed((await requireRow(id)).version);
    },

    async delete(id: string, expectedVersion: number): Promise<void> {
      const deleted = await db.transaction(async (tx) => {
        const rows = await tx
          .delete(bots)
          .where(and(eq(bots.id, id), eq(bots.version, expectedVersion)))
          .returning({ id: bots.id, name: bots.name });
        // The entry keeps the bot's id so the trail can be read by bot after the bot is gone.
        if (rows[0]) await recordAudit(tx, { action: 'delete', botId: id, summary: `Deleted bot ${rows[0].name}` });
        return rows;
      });
      if (deleted.length === 0) throw preconditionFailed((await requireRow(id)).version);
    },
  };
}
export type BotsRepository = ReturnType<typeof createBotsRepository>;
