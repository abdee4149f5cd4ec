import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import {
  testCaseInputSchema,
  type TestCase,
  type TestCaseChange,
  type TestCaseValues,
  type TestResult,
  type TestRun,
} from '../../domain/test-cases';
import type { Database } from '../db/database';
import { integrations, testCaseRevisions, testCases, testRuns } from '../db/schema';
import { notFound, preconditionFailed } from '../errors';

type TestCaseRow = typeof testCases.$inferSelect;
type RevisionAction = TestCaseChange['action'];

function toTestCase(row: TestCaseRow): TestCase {
  // Stored after the schema checked it; parsed again so the answer never holds a key the schema lacks.
  const values = testCaseInputSchema.parse(row.definition);
  return {
    ...values,
    id: row.id,
    botId: row.botId,
    integrationId: row.integrationId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

interface TestCaseWithStatus extends TestCase {
  /** The last run against the saved integration, when there was one. */
  lastRun: { runId: string; status: 'passed' | 'failed' | 'error' } | null;
}

function withStatus(row: TestCaseRow): TestCaseWithStatus {
  return { ...toTestCase(row), lastRun: row.lastRunId && row.lastStatus ? { runId: row.lastRunId, status: row.lastStatus } : null };
}

/** A snapshot's values: the record fields (ids, version, times, last run) left out. */
function stripRecord(snapshot: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, botId: _b, integrationId: _i, version: _v, createdAt: _c, updatedAt: _u, lastRun: _l, ...values } = snapshot;
  return values;
}

export function createTestCasesRepository(db: Database) {
  async function requireRow(botId: string, integrationId: string, id: string, tx: Database = db): Promise<TestCaseRow> {
    const [row] = await tx
      .select()
      .from(testCases)
      .where(and(eq(testCases.botId, botId), eq(testCases.integrationId, integrationId), eq(testCases.id, id)));
    if (!row) throw notFound(`Test case ${id} of integration ${integrationId}`);
    return row;
  }

  /**
   * The revision, tagged with the integration's version read in the same transaction: the integration's row
   * is share-locked, so a save of it waits for this change to commit, and the tag is the version the change
   * was made against (a restore or a rename that writes the integration first tags its new version).
   */
  async function writeRevision(tx: Database, action: RevisionAction, testCase: TestCase, note: string | null = null) {
    const [integration] = await tx
      .select({ version: integrations.version })
      .from(integrations)
      .where(eq(integrations.id, testCase.integrationId))
      .for('share');
    if (!integration) throw notFound(`Integration ${testCase.integrationId}`);
    await tx.insert(testCaseRevisions).values({
      testCaseId: testCase.id,
      integrationId: testCase.integrationId,
      botId: testCase.botId,
      version: testCase.version,
      action,
      snapshot: testCase,
      integrationVersion: integration.version,
      note,
    });
  }

  /** Each test case's latest revision at or below the integration's version `version`, deletions included. */
  async function statesAt(tx: Database, botId: string, integrationId: string, version: number) {
    return tx
      .selectDistinctOn([testCaseRevisions.testCaseId])
      .from(testCaseRevisions)
      .where(
        and(
          eq(testCaseRevisions.botId, botId),
          eq(testCaseRevisions.integrationId, integrationId),
          lte(testCaseRevisions.integrationVersion, version),
        ),
      )
      .orderBy(asc(testCaseRevisions.testCaseId), desc(testCaseRevisions.id));
  }

  return {
    async list(botId: string, integrationId: string, tx: Database = db): Promise<TestCaseWithStatus[]> {
      const rows = await tx
        .select()
        .from(testCases)
        .where(and(eq(testCases.botId, botId), eq(testCases.integrationId, integrationId)))
        .orderBy(asc(testCases.createdAt), asc(testCases.id));
      return rows.map(withStatus);
    },

    async get(botId: string, integrationId: string, id: string): Promise<TestCaseWithStatus> {
      return withStatus(await requireRow(botId, integrationId, id));
    },

    /** The test cases a run takes: the bot's, narrowed to some integrations or some test cases. */
    async forRun(botId: string, filter: { integrationIds?: string[]; testCaseIds?: string[] }): Promise<TestCase[]> {
      const rows = await db
        .select()
        .from(testCases)
        .where(
          and(
            eq(testCases.botId, botId),
            filter.integrationIds ? inArray(testCases.integrationId, filter.integrationIds) : undefined,
            filter.testCaseIds ? inArray(testCases.id, filter.testCaseIds) : undefined,
          ),
        )
        .orderBy(asc(testCases.integrationId), asc(testCases.createdAt), asc(testCases.id));
      return rows.map(toTestCase);
    },

    async create(botId: string, integrationId: string, values: TestCaseValues, outer: Database = db): Promise<TestCase> {
      return outer.transaction(async (tx) => {
        const [row] = await tx
          .insert(testCases)
          .values({ id: randomUUID(), botId, integrationId, name: values.name, definition: values })
          .returning();
        const created = toTestCase(row!);
        await writeRevision(tx, 'create', created);
        return created;
      });
    },

    async replace(
      botId: string,
      integrationId: string,
      id: string,
      expectedVersion: number,
      values: TestCaseValues,
      action: RevisionAction = 'update',
      outer: Database | undefined = db,
      note: string | null = null,
    ): Promise<TestCase> {
      return (outer ?? db).transaction(async (tx) => {
        const [row] = await tx
          .update(testCases)
          .set({ name: values.name, definition: values, version: sql`${testCases.version} + 1`, updatedAt: new Date() })
          .where(
            and(
              eq(testCases.botId, botId),
              eq(testCases.integrationId, integrationId),
              eq(testCases.id, id),
              eq(testCases.version, expectedVersion),
            ),
          )
          .returning();
        if (!row) throw preconditionFailed((await requireRow(botId, integrationId, id, tx)).version);
        const updated = toTestCase(row);
        await writeRevision(tx, action, updated, note);
        return updated;
      });
    },

    async delete(botId: string, integrationId: string, id: string, expectedVersion: number): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .delete(testCases)
          .where(
            and(
              eq(testCases.botId, botId),
              eq(testCases.integrationId, integrationId),
              eq(testCases.id, id),
              eq(testCases.version, expectedVersion),
            ),
          )
          .returning();
        if (!row) throw preconditionFailed((await requireRow(botId, integrationId, id, tx)).version);
        const last = toTestCase(row);
        await writeRevision(tx, 'delete', { ...last, version: last.version + 1 });
      });
    },

    /** The history of an integration's test cases, newest first. */
    async revisions(botId: string, integrationId: string) {
      const rows = await db
        .select()
        .from(testCaseRevisions)
        .where(and(eq(testCaseRevisions.botId, botId), eq(testCaseRevisions.integrationId, integrationId)))
        .orderBy(desc(testCaseRevisions.id))
        .limit(500);
      return rows.map((row) => ({
        testCaseId: row.testCaseId,
        version: row.version,
        action: row.action,
        name: String((row.snapshot as { name?: unknown }).name ?? ''),
        integrationVersion: row.integrationVersion,
        ...(row.note ? { note: row.note } : {}),
        createdAt: row.createdAt.toISOString(),
      }));
    },

    /** The test cases as they stood with the integration's version `version` (until the next save). */
    async at(botId: string, integrationId: string, version: number, tx: Database = db): Promise<TestCase[]> {
      const states = await statesAt(tx, botId, integrationId, version);
      return states
        .filter((row) => row.action !== 'delete')
        .map((row) => ({ ...(row.snapshot as TestCase), version: row.version }))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },

    /**
     * Inside the restore of the integration's revision `version` (after the integration is written): its test
     * cases come back as they stood with it, each as a `restore` revision; test cases made since are deleted
     * (a `delete` revision: restoring a later version brings them back).
     */
    async restoreTo(tx: Database, botId: string, integrationId: string, version: number): Promise<void> {
      const states = await statesAt(tx, botId, integrationId, version);
      const wanted = new Map(states.filter((row) => row.action !== 'delete').map((row) => [row.testCaseId, row]));
      const current = await tx
        .select()
        .from(testCases)
        .where(and(eq(testCases.botId, botId), eq(testCases.integrationId, integrationId)));
      for (const row of current) {
        if (wanted.has(row.id)) continue;
        await tx.delete(testCases).where(eq(testCases.id, row.id));
        const last = toTestCase(row);
        await writeRevision(tx, 'delete', { ...last, version: last.version + 1 }, `Removed by the restore of version ${version}`);
      }
      const byId = new Map(current.map((row) => [row.id, row]));
      for (const [id, state] of wanted) {
        const values = testCaseInputSchema.parse(stripRecord(state.snapshot));
        const live = byId.get(id);
        if (live && JSON.stringify(testCaseInputSchema.parse(live.definition)) === JSON.stringify(values)) continue;
        const [latest] = await tx
          .select({ version: sql<number>`max(${testCaseRevisions.version})::int` })
          .from(testCaseRevisions)
          .where(eq(testCaseRevisions.testCaseId, id));
        const nextVersion = Math.max(latest?.version ?? 0, live?.version ?? 0) + 1;
        const [row] = live
          ? await tx
              .update(testCases)
              .set({ name: values.name, definition: values, version: nextVersion, updatedAt: new Date() })
              .where(eq(testCases.id, id))
              .returning()
          : await tx
              .insert(testCases)
              .values({
                id,
                botId,
                integrationId,
                name: values.name,
                definition: values,
                version: nextVersion,
                createdAt: new Date(String((state.snapshot as { createdAt?: unknown }).createdAt ?? new Date().toISOString())),
              })
              .returning();
        await writeRevision(tx, 'restore', toTestCase(row!), `Restored as it was with version ${version}`);
      }
    },

    /** The test case changes made with each of the integration's versions (the History drawer's lines). */
    async changesByVersion(botId: string, integrationId: string) {
      const rows = await db
        .select()
        .from(testCaseRevisions)
        .where(and(eq(testCaseRevisions.botId, botId), eq(testCaseRevisions.integrationId, integrationId)))
        .orderBy(asc(testCaseRevisions.id))
        .limit(5000);
      const byVersion = new Map<number, TestCaseChange[]>();
      for (const row of rows) {
        const list = byVersion.get(row.integrationVersion) ?? [];
        list.push({
          testCaseId: row.testCaseId,
          name: String((row.snapshot as { name?: unknown }).name ?? ''),
          action: row.action,
          ...(row.note ? { note: row.note } : {}),
        });
        byVersion.set(row.integrationVersion, list);
      }
      return byVersion;
    },

    async saveRun(botId: string, trigger: 'api' | 'save' | 'unsaved', results: TestResult[]): Promise<TestRun> {
      const run: TestRun = {
        id: randomUUID(),
        at: new Date().toISOString(),
        passed: results.filter((result) => result.status === 'passed').length,
        failed: results.filter((result) => result.status !== 'passed').length,
        results,
      };
      await db.transaction(async (tx) => {
        await tx
          .insert(testRuns)
          .values({ id: run.id, botId, trigger, at: new Date(run.at), passed: run.passed, failed: run.failed, results });
        // A run on an unsaved body says nothing of the saved integration: the badge keeps the last saved run.
        if (trigger === 'unsaved') return;
        for (const status of ['passed', 'failed', 'error'] as const) {
          const ids = results.filter((result) => result.status === status).map((result) => result.testCaseId);
          if (ids.length === 0) continue;
          await tx
            .update(testCases)
            .set({ lastRunId: run.id, lastStatus: status })
            .where(and(eq(testCases.botId, botId), inArray(testCases.id, ids)));
        }
      });
      return run;
    },

    async getRun(botId: string, runId: string): Promise<TestRun> {
      const [row] = await db
        .select()
        .from(testRuns)
        .where(and(eq(testRuns.botId, botId), eq(testRuns.id, runId)));
      if (!row) throw notFound(`Test run ${runId} of bot ${botId}`);
      return { id: row.id, at: row.at.toISOString(), passed: row.passed, failed: row.failed, results: row.results as TestResult[] };
    },

    /** The integrations whose saved test cases fail now, each with the run that found it: the list's badges. */
    async failing(botId: string): Promise<{ integrationId: string; runId: string; failed: number }[]> {
      const rows = await db
        .select({
          integrationId: testCases.integrationId,
          runId: sql<string>`max(${testCases.lastRunId}::text)`,
          failed: sql<number>`count(*)::int`,
        })
        .from(testCases)
        .where(and(eq(testCases.botId, botId), inArray(testCases.lastStatus, ['failed', 'error'])))
        .groupBy(testCases.integrationId);
      return rows;
    },
  };
}
export type TestCasesRepository = ReturnType<typeof createTestCasesRepository>;
