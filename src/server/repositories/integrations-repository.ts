import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Integration, IntegrationSummary, IntegrationValues } from '../../domain/integration';
import type { IntegrationType } from '../../domain/integration-types';
import type { Page } from '../../domain/page';
import type { Database } from '../db/database';
import { violatedUniqueConstraint } from '../db/errors';
import { integrationRevisions, integrations } from '../db/schema';
import { conflict, notFound, preconditionFailed } from '../http/problems';
import { decodeCursor, pageOf } from './cursor';
import { changedFields, columnsOf, toIntegration, type IntegrationRow } from './integration-rows';

const nameKey = sql<string>`lower(${integrations.name})`;

export interface IntegrationListQuery {
  q?: string;
  type?: IntegrationType;
  limit: number;
  cursor?: string;
}

type RevisionAction = 'create' | 'update' | 'restore' | 'delete';

/** Turns a unique-index violation into the 409 that names the field (the index is the source of truth). */
function duplicateProblem(error: unknown, values: IntegrationValues): never {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === 'integrations_bot_name_unique') {
    throw conflict(`This bot already has an integration named "${values.name}" (names are compared ignoring case).`, {
      name: `Integration Name "${values.name}" is already used in this bot (ignoring case): choose another name.`,
    });
  }
  if (constraint === 'integrations_bot_rdv_unique') {
    throw conflict(`This bot already has an integration whose response data variable is "${values.responseDataVariable}".`, {
      responseDataVariable: `Response Data Variable Name "${values.responseDataVariable}" is already used in this bot (it becomes the bot variable api_${values.responseDataVariable}): choose another.`,
    });
  }
  throw error;
}

export function createIntegrationsRepository(db: Database) {
  function selectSummaries(where: SQL | undefined) {
    return db
      .select({
        id: integrations.id,
        name: integrations.name,
        type: integrations.type,
        responseDataVariable: integrations.responseDataVariable,
        version: integrations.version,
        updatedAt: integrations.updatedAt,
        nameKey,
      })
      .from(integrations)
      .where(where)
      .orderBy(asc(nameKey), asc(integrations.id));
  }

  // The two reads the panel makes most, built once: drizzle does not rebuild their SQL per request, and
  // PostgreSQL plans each once per connection (named prepared statements).
  const rowById = db
    .select()
    .from(integrations)
    .where(and(eq(integrations.botId, sql.placeholder('botId')), eq(integrations.id, sql.placeholder('id'))))
    .prepare('integration_by_id');
  const firstPage = selectSummaries(eq(integrations.botId, sql.placeholder('botId')))
    .limit(sql.placeholder('limit'))
    .prepare('integrations_first_page');

  async function findRow(botId: string, id: string, tx: Database = db): Promise<IntegrationRow | undefined> {
    if (tx === db) return (await rowById.execute({ botId, id }))[0];
    const [row] = await tx
      .select()
      .from(integrations)
      .where(and(eq(integrations.botId, botId), eq(integrations.id, id)));
    return row;
  }

  async function requireRow(botId: string, id: string, tx: Database = db): Promise<IntegrationRow> {
    const row = await findRow(botId, id, tx);
    if (!row) throw notFound(`Integration ${id} in bot ${botId}`);
    return row;
  }

  async function writeRevision(tx: Database, action: RevisionAction, integration: Integration, before: Integration | null) {
    await tx.insert(integrationRevisions).values({
      integrationId: integration.id,
      botId: integration.botId,
      version: integration.version,
      action,
      snapshot: integration,
      changedFields: changedFields(before, integration),
    });
  }

  return {
    async list(botId: string, query: IntegrationListQuery): Promise<Page<IntegrationSummary>> {
      const cursor = decodeCursor(query.cursor);
      const filtered = query.q || query.type || cursor;
      const rows = filtered
        ? await selectSummaries(
            and(
              eq(integrations.botId, botId),
              query.q ? sql`strpos(${nameKey}, lower(${query.q})) > 0` : undefined,
              query.type ? eq(integrations.type, query.type) : undefined,
              cursor
                ? or(gt(nameKey, cursor.nameKey), and(eq(nameKey, cursor.nameKey), gt(integrations.id, cursor.id)))
                : undefined,
            ),
          ).limit(query.limit + 1)
        : await firstPage.execute({ botId, limit: query.limit + 1 });
      const page = pageOf(rows, query.limit, (row) => ({ nameKey: row.nameKey, id: row.id }));
      return {
        // Named fields rather than `{ nameKey, ...row }`: object rest is V8's slow path, and this runs per row.
        items: page.items.map((row) => ({
          id: row.id,
          name: row.name,
          type: row.type as IntegrationType,
          responseDataVariable: row.responseDataVariable,
          version: row.version,
          updatedAt: row.updatedAt.toISOString(),
        })),
        nextCursor: page.nextCursor,
      };
    },

    async get(botId: string, id: string): Promise<Integration> {
      return toIntegration(await requireRow(botId, id));
    },

    async create(
      botId: string,
      values: IntegrationValues,
      options: { id?: string; extras?: Record<string, unknown>; version?: number; action?: RevisionAction } = {},
      outer: Database = db,
    ): Promise<Integration> {
      try {
        return await outer.transaction(async (tx) => {
          const [row] = await tx
            .insert(integrations)
            .values({
              id: options.id ?? randomUUID(),
              botId,
              ...columnsOf(values),
              extras: options.extras ?? {},
              version: options.version ?? 1,
            })
            .returning();
          const created = toIntegration(row!);
          await writeRevision(tx, options.action ?? 'create', created, null);
          return created;
        });
      } catch (error) {
        duplicateProblem(error, values);
      }
    },

    async replace(
      botId: string,
      id: string,
      expectedVersion: number,
      values: IntegrationValues,
      action: RevisionAction = 'update',
      outer: Database = db,
    ): Promise<Integration> {
      try {
        return await outer.transaction(async (tx) => {
          const before = await findRow(botId, id, tx);
          if (!before) throw notFound(`Integration ${id} in bot ${botId}`);
          // The version condition makes the write itself the check: a concurrent winner leaves 0 rows here.
          const [row] = await tx
            .update(integrations)
            .set({ ...columnsOf(values), updatedAt: new Date(), version: sql`${integrations.version} + 1` })
            .where(and(eq(integrations.id, id), eq(integrations.botId, botId), eq(integrations.version, expectedVersion)))
            .returning();
          if (!row) throw preconditionFailed(before.version);
          const updated = toIntegration(row);
          await writeRevision(tx, action, updated, toIntegration(before));
          return updated;
        });
      } catch (error) {
        duplicateProblem(error, values);
      }
    },

    async delete(botId: string, id: string, expectedVersion: number, outer: Database = db): Promise<void> {
      await outer.transaction(async (tx) => {
        const [row] = await tx
          .delete(integrations)
          .where(and(eq(integrations.id, id), eq(integrations.botId, botId), eq(integrations.version, expectedVersion)))
          .returning();
        if (!row) throw preconditionFailed((await requireRow(botId, id, tx)).version);
        const last = toIntegration(row);
        // The deletion is a revision of its own, one version after the last save, so it can be restored.
        await writeRevision(tx, 'delete', { ...last, version: last.version + 1, updatedAt: new Date().toISOString() }, null);
      });
    },
  };
}
export type IntegrationsRepository = ReturnType<typeof createIntegrationsRepository>;
