import { and, asc, desc, eq } from 'drizzle-orm';
import { integrationInputSchema, integrationSchema } from '../../domain/integration';
import { describeRevision, type DeletedIntegration, type Revision, type RevisionSummary } from '../../domain/revision';
import type { Database } from '../db/database';
import { LOCAL_AUTHOR } from '../../domain/people';
import { violatedUniqueConstraint } from '../db/errors';
import { bots, integrationRevisions } from '../db/schema';
import { notFound, preconditionFailed } from '../errors';
import type { IntegrationsRepository } from '../integrations/integrations-repository';
import type { TestCasesRepository } from '../test-cases/test-cases-repository';
import type { TestCaseChange } from '../../domain/test-cases';

type RevisionRow = typeof integrationRevisions.$inferSelect;

function toSummary(row: RevisionRow, testCaseChanges: TestCaseChange[] = []): RevisionSummary {
  return {
    testCaseChanges,
    version: row.version,
    action: row.action,
    createdAt: row.createdAt.toISOString(),
    changedFields: row.changedFields,
    summary: describeRevision(row.action, row.changedFields),
    author: row.author ?? LOCAL_AUTHOR,
  };
}

/** The values of a snapshot as a create/replace body: record fields dropped, the rest validated again. */
function valuesOf(snapshot: Record<string, unknown>) {
  const { id: _id, botId: _botId, createdAt: _c, updatedAt: _u, version: _v, ...input } = snapshot;
  return integrationInputSchema.parse(input);
}

/** The keys two restores of one deletion both try to take: the integration's id and its next version. */
const RACE_CONSTRAINTS = new Set(['integrations_pkey', 'integration_revisions_version_unique']);

export function createRevisionsRepository(db: Database, integrations: IntegrationsRepository, testCases: TestCasesRepository) {
  async function rows(botId: string, integrationId: string): Promise<RevisionRow[]> {
    return db
      .select()
      .from(integrationRevisions)
      .where(and(eq(integrationRevisions.botId, botId), eq(integrationRevisions.integrationId, integrationId)))
      .orderBy(desc(integrationRevisions.version));
  }

  async function requireRevision(botId: string, integrationId: string, version: number): Promise<RevisionRow> {
    const [row] = await db
      .select()
      .from(integrationRevisions)
      .where(
        and(
          eq(integrationRevisions.botId, botId),
          eq(integrationRevisions.integrationId, integrationId),
          eq(integrationRevisions.version, version),
        ),
      );
    if (!row) throw notFound(`Revision ${version} of integration ${integrationId}`);
    return row;
  }

  async function currentVersion(botId: string, integrationId: string): Promise<number> {
    const [latest] = await rows(botId, integrationId);
    return latest?.version ?? 0;
  }

  return {
    /** Newest first; a deleted integration keeps its history. */
    async list(botId: string, integrationId: string): Promise<RevisionSummary[]> {
      const found = await rows(botId, integrationId);
      if (found.length === 0) throw notFound(`Integration ${integrationId} in bot ${botId}`);
      const changes = await testCases.changesByVersion(botId, integrationId);
      return found.map((row) => toSummary(row, changes.get(row.version)));
    },

    /** The bot's integrations whose newest revision is their deletion, the latest deleted first. */
    async deleted(botId: string): Promise<DeletedIntegration[]> {
      const [bot] = await db.select({ id: bots.id }).from(bots).where(eq(bots.id, botId));
      if (!bot) throw notFound('The bot you asked about');
      const newest = await db
        .selectDistinctOn([integrationRevisions.integrationId])
        .from(integrationRevisions)
        .where(eq(integrationRevisions.botId, botId))
        .orderBy(asc(integrationRevisions.integrationId), desc(integrationRevisions.version));
      return newest
        .filter((row) => row.action === 'delete')
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
        .map((row) => ({
          id: row.integrationId,
          name: String(row.snapshot.name),
          type: row.snapshot.type as DeletedIntegration['type'],
          deletedAt: row.createdAt.toISOString(),
          deletedVersion: row.version,
          restoreVersion: row.version - 1,
        }));
    },

    async get(botId: string, integrationId: string, version: number): Promise<Revision> {
      const row = await requireRevision(botId, integrationId, version);
      const changes = await testCases.changesByVersion(botId, integrationId);
      return {
        ...toSummary(row, changes.get(version)),
        integration: integrationSchema.parse(row.snapshot),
        testCases: await testCases.at(botId, integrationId, version),
      };
    },

    /**
     * Restoring is a new save with a new version. It obeys If-Match: against the live
     * integration, or, once deleted, against the version its deletion was recorded with.
     */
    async restore(botId: string, integrationId: string, version: number, expectedVersion: number) {
      const revision = await requireRevision(botId, integrationId, version);
      if (revision.action === 'delete') throw notFound(`Revision ${version} is the deletion; restore an earlier revision`);
      const values = valuesOf(revision.snapshot);
      const [latest] = await rows(botId, integrationId);
      // The integration and its test cases as they stood with that version, in one transaction.
      if (latest?.action !== 'delete')
        return db.transaction(async (tx) => {
          const restored = await integrations.replace(botId, integrationId, expectedVersion, values, { action: 'restore', outer: tx });
          await testCases.restoreTo(tx, botId, integrationId, version);
          return restored;
        });
      if (expectedVersion !== latest.version) throw preconditionFailed(latest.version);
      try {
        return await db.transaction(async (tx) => {
          const restored = await integrations.create(
            botId,
            values,
            { id: integrationId, version: latest.version + 1, action: 'restore' },
            tx,
          );
          await testCases.restoreTo(tx, botId, integrationId, version);
          return restored;
        });
      } catch (error) {
        // Another restore of the same deletion committed first (PostgreSQL runs them side by side): its
        // row or its revision holds the id and version now, so this one is the stale write it is.
        if (RACE_CONSTRAINTS.has(violatedUniqueConstraint(error) ?? ''))
          throw preconditionFailed(await currentVersion(botId, integrationId));
        throw error;
      }
    },
  };
}
export type RevisionsRepository = ReturnType<typeof createRevisionsRepository>;
