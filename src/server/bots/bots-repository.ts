import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Bot, BotPatch } from '../../domain/bot';
import type { Page } from '../../domain/page';
import type { Database } from '../db/database';
import { bots } from '../db/schema';
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

const nameKey = sql<string>`lower(${bots.name})`;

export interface BotValues {
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
    async list(query: { q?: string; limit: number; cursor?: string }): Promise<Page<Bot>> {
      const cursor = cursors.decode(query.cursor, 'bots');
      const rows = await db
        .select({ bot: bots, nameKey })
        .from(bots)
        .where(
          and(
            query.q ? sql`strpos(${nameKey}, lower(${query.q})) > 0` : undefined,
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

    async create(values: BotValues, tx: Database = db): Promise<Bot> {
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
    },

    async update(id: string, expectedVersion: number, patch: BotPatch): Promise<Bot> {
      let row: BotRow | undefined;
      try {
        [row] = await db
          .update(bots)
          .set({ ...patch, updatedAt: new Date(), version: sql`${bots.version} + 1` })
          .where(and(eq(bots.id, id), eq(bots.version, expectedVersion)))
          .returning();
      } catch (error) {
        if (patch.environmentId && isForeignKeyViolation(error)) throw unknownEnvironment(patch.environmentId);
        throw error;
      }
      if (row) return toBot(row);
      throw preconditionFailed((await requireRow(id)).version);
    },

    async delete(id: string, expectedVersion: number): Promise<void> {
      const deleted = await db
        .delete(bots)
        .where(and(eq(bots.id, id), eq(bots.version, expectedVersion)))
        .returning({ id: bots.id });
      if (deleted.length === 0) throw preconditionFailed((await requireRow(id)).version);
    },
  };
}
export type BotsRepository = ReturnType<typeof createBotsRepository>;
