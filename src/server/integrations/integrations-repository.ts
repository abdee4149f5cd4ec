import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Integration, IntegrationSummary, IntegrationValues } from '../../domain/integration';
import { integrationTypesNamedBy, type IntegrationType } from '../../domain/integration-types';
import { MAX_INTEGRATIONS_PER_BOT } from '../../domain/limits';
import type { Page } from '../../domain/page';
import type { Database } from '../db/database';
import { bots, integrationRevisions, integrations } from '../db/schema';
import { authorOf, currentActor } from '../db/actor-context';
import { recordAudit } from '../db/audit';
import type { AuditAction } from '../../domain/people';
import { limitReached, notFound, preconditionFailed } from '../errors';
import type { ListCursors } from '../db/cursor';
import { retryConflicts } from '../db/retry';
import { changedFields, columnsOf, replacedRow, toIntegration, toSharedIntegration, type IntegrationRow } from './integration-rows';
import { duplicateProblem, storedRows, writtenVersions } from './integration-statements';

const nameKey = sql<string>`lower(${integrations.name})`;

interface IntegrationListQuery {
  q?: string;
  type?: IntegrationType;
  limit: number;
  cursor?: string;
}

type RevisionAction = 'create' | 'update' | 'restore' | 'delete' | 'release';

/** The audit trail's word for each kind of revision. */
const AUDIT_ACTION: Record<RevisionAction, AuditAction> = {
  create: 'create',
  update: 'save',
  restore: 'restore',
  delete: 'delete',
  release: 'release',
};
const REVISION_VERB: Record<RevisionAction, string> = {
  create: 'Created',
  update: 'Saved',
  restore: 'Restored',
  delete: 'Deleted',
  release: 'Released',
};

interface ReplaceOptions {
  action?: RevisionAction;
  /** What the audit trail calls the save, when not its revision's action (a rename). */
  auditAction?: AuditAction;
  /** The caller's transaction, when the save is part of a larger one. */
  outer?: Database;
  /**
   * Asked with the stored record the save replaces, when the expected version is current: nothing when the
   * save needs no check that reads (most saves), else the check, which runs inside the save's transaction
   * and reads through `tx`; what it throws refuses the save.
   */
  check?: (before: Integration) => ((tx: Database) => Promise<void>) | undefined;
  /**
   * Asked with the record before and after the save: nothing when nothing follows it (most saves, which then
   * stay one statement), else what runs inside the save's transaction once the record is written.
   */
  after?: (before: Integration, updated: Integration) => ((tx: Database) => Promise<void>) | undefined;
}

/** One integration of an import: its values, the file's kept keys, and the version it keeps (or 1). */
interface NewIntegration {
  values: IntegrationValues;
  extras: Record<string, unknown>;
  version: number | null;
}

/** Rows per INSERT in an import: few statements, and far below PostgreSQL's 65,535 parameters. */
const INSERT_BATCH = 50;

export function createIntegrationsRepository(db: Database, cursors: ListCursors) {
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
    const [row] = await storedRows(tx, sql`select * from integrations where bot_id = ${botId} and id = ${id}`);
    return row;
  }

  async function requireRow(botId: string, id: string, tx: Database = db): Promise<IntegrationRow> {
    const row = await findRow(botId, id, tx);
    if (!row) throw notFound(`Integration ${id} in bot ${botId}`);
    return row;
  }

  /**
   * Refuses a new integration in a bot that holds the most it may. The bot row is locked first, so two
   * concurrent creates in one bot are counted one after the other and cannot both take the last place
   * (`NO KEY UPDATE`: saves of its other integrations go on meanwhile; the lock order is in db/retry.ts).
   */
  async function requireRoom(tx: Database, botId: string): Promise<void> {
    const [bot] = await tx
      .select({ count: sql<number>`(select count(*)::int from ${integrations} where ${integrations.botId} = ${botId})` })
      .from(bots)
      .where(eq(bots.id, botId))
      .for('no key update');
    if (bot && bot.count >= MAX_INTEGRATIONS_PER_BOT) {
      const limit = MAX_INTEGRATIONS_PER_BOT.toLocaleString('en-US');
      throw limitReached(
        'Too many integrations',
        `This bot holds ${bot.count.toLocaleString('en-US')} integrations, the most a bot may hold (${limit}): delete one before adding another.`,
      );
    }
  }

  /** The revision and its audit entry, in the transaction of the change. */
  async function writeRevision(tx: Database, action: RevisionAction, integration: Integration, before: Integration | null) {
    const actor = currentActor();
    await tx.execute(sql`insert into integration_revisions (integration_id, bot_id, version, action, snapshot, changed_fields, author)
      values (${integration.id}, ${integration.botId}, ${integration.version}, ${action}, ${JSON.stringify(integration)}::jsonb,
        ${JSON.stringify(changedFields(before, integration))}::jsonb, ${JSON.stringify(authorOf(actor))}::jsonb)`);
    await recordAudit(
      tx,
      {
        action: AUDIT_ACTION[action],
        botId: integration.botId,
        integrationId: integration.id,
        summary: `${REVISION_VERB[action]} integration ${integration.name}`,
      },
      actor,
    );
  }

  /** The filter box: a name containing the text, or a type whose name contains it ("escalation", "faas"). */
  const nameOrTypeMatches = (q: string) => {
    const types = integrationTypesNamedBy(q);
    const byName = sql`strpos(${nameKey}, lower(${q})) > 0`;
    return types.length ? or(byName, inArray(integrations.type, types)) : byName;
  };

  return {
    async list(botId: string, query: IntegrationListQuery): Promise<Page<IntegrationSummary>> {
      const cursor = cursors.decode(query.cursor, `integrations:${botId}`);
      const filtered = query.q || query.type || cursor;
      const rows = filtered
        ? await selectSummaries(
            and(
              eq(integrations.botId, botId),
              query.q ? nameOrTypeMatches(query.q) : undefined,
              query.type ? eq(integrations.type, query.type) : undefined,
              cursor ? or(gt(nameKey, cursor.nameKey), and(eq(nameKey, cursor.nameKey), gt(integrations.id, cursor.id))) : undefined,
            ),
          ).limit(query.limit + 1)
        : await firstPage.execute({ botId, limit: query.limit + 1 });
      const page = cursors.pageOf(rows, query.limit, (row) => ({ nameKey: row.nameKey, id: row.id }), `integrations:${botId}`);
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
      return toSharedIntegration(await requireRow(botId, id));
    },

    async create(
      botId: string,
      values: IntegrationValues,
      options: { id?: string; extras?: Record<string, unknown>; version?: number; action?: RevisionAction } = {},
      outer: Database = db,
    ): Promise<Integration> {
      try {
        return await outer.transaction(async (tx) => {
          await requireRoom(tx, botId);
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

    /**
     * An import's integrations, in a few multi-row statements inside the caller's transaction, each awaited
     * so other requests run in between. The bot is new and the plan was counted, so no limit check here.
     */
    async createMany(botId: string, items: readonly NewIntegration[], tx: Database): Promise<Integration[]> {
      const created: Integration[] = [];
      for (let start = 0; start < items.length; start += INSERT_BATCH) {
        const batch = items.slice(start, start + INSERT_BATCH).map((item) => ({
          id: randomUUID(),
          botId,
          ...columnsOf(item.values),
          extras: item.extras,
          version: item.version ?? 1,
        }));
        const rows = await tx.insert(integrations).values(batch).returning();
        // RETURNING gives no order guarantee: answer in the file's order.
        const byId = new Map(rows.map((row) => [row.id, toIntegration(row)]));
        const records = batch.map((row) => byId.get(row.id)!);
        const author = authorOf(currentActor());
        await tx.insert(integrationRevisions).values(
          records.map((record) => ({
            integrationId: record.id,
            botId,
            version: record.version,
            action: 'create' as const,
            snapshot: record,
            changedFields: [],
            author,
          })),
        );
        created.push(...records);
      }
      return created;
    },

    async replace(
      botId: string,
      id: string,
      expectedVersion: number,
      values: IntegrationValues,
      { action = 'update', outer, check, after, auditAction = AUDIT_ACTION[action] }: ReplaceOptions = {},
    ): Promise<Integration> {
      // What needs no database is done before the first statement, so no transaction waits on it.
      const columns = columnsOf(values);
      const config = JSON.stringify(columns.config);
      const customDataFields = JSON.stringify(columns.customDataFields);
      const updatedAt = new Date();
      const reader = outer ?? db;
      const actor = currentActor();
      try {
        // Read outside the write's transaction: the write applies only while the record is still at the
        // version read here (versions only grow), so what was read is what it replaces, or nothing is written.
        const row = await findRow(botId, id, reader);
        if (!row) throw notFound(`Integration ${id} in bot ${botId}`);
        const before = toSharedIntegration(row);
        if (before.version !== expectedVersion) throw preconditionFailed(before.version);
        const reads = check?.(before);
        // Parsed before the write, so a value the record schema refuses is never stored. It is the row the
        // write stores, member for member (the write sets every column but the version, whose next value is
        // known), so it is the answer, and a later read of that row finds this parse remembered. The write
        // only says whether it applied: reading the row back cost every driver a row of jsonb to parse.
        const updated = toSharedIntegration(replacedRow(row, columns, updatedAt));
        const follows = after?.(before, updated);
        // One statement writes the record and its revision: one round trip, atomic on its own. It locks the
        // bot row (the key share its revision's foreign key takes anyway) before the integration's row, in
        // the order every write path keeps (db/retry.ts); a bot deleted meanwhile leaves nothing to update.
        const write = (tx: Database) =>
          writtenVersions(
            tx,
            sql`with bot as (
              select id from bots where id = ${botId} for key share
            ), updated as (
              update integrations set name = ${columns.name}, response_data_variable = ${columns.responseDataVariable},
                type = ${columns.type}, config = ${config}::jsonb, transform_script = ${columns.transformScript},
                custom_data_fields = ${customDataFields}::jsonb, updated_at = ${updatedAt.toISOString()}::timestamptz,
                version = version + 1
              where id = ${id} and bot_id = (select id from bot) and version = ${expectedVersion} returning id, bot_id, version
            ), revision as (
              insert into integration_revisions (integration_id, bot_id, version, action, snapshot, changed_fields, author)
              select id, bot_id, version, ${action}, ${JSON.stringify(updated)}::jsonb, ${JSON.stringify(changedFields(before, updated))}::jsonb,
                ${JSON.stringify(authorOf(actor))}::jsonb
              from updated
            ), audit as (
              insert into audit_events (actor_id, actor_name, actor_kind, action, bot_id, integration_id, summary)
              select ${actor.id}, ${actor.name}, ${actor.kind}, ${auditAction}, bot_id, id,
                ${auditAction === 'rename' ? `Renamed integration ${before.name} to ${updated.name}` : `${REVISION_VERB[action]} integration ${updated.name}`}
              from updated
            )
            select version from updated`,
          );
        // A transaction only for what must share one: the check's reads with the write, or the caller's.
        const [written] =
          reads || outer || follows
            ? await reader.transaction(async (tx) => {
                await reads?.(tx);
                const versions = await write(tx);
                if (versions.length > 0) await follows?.(tx);
                return versions;
              })
            : await retryConflicts(() => write(db));
        // Someone saved or deleted it since the read: a deletion is a 404, a save a stale version.
        if (written === undefined) throw preconditionFailed((await requireRow(botId, id, reader)).version);
        return updated;
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
