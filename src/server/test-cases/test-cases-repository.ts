import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { testCaseInputSchema, type TestCase, type TestCaseValues, type TestResult, type TestRun } from '../../domain/test-cases';
import type { Database } from '../db/database';
import { testCaseRevisions, testCases, testRuns } from '../db/schema';
import { notFound, preconditionFailed } from '../errors';

type TestCaseRow = typeof testCases.$inferSelect;
type RevisionAction = 'create' | 'update' | 'delete' | 'rename';

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

export interface TestCaseWithStatus extends TestCase {
  /** The last run against the saved integration, when there was one. */
  lastRun: { runId: string; status: 'passed' | 'failed' | 'error' } | null;
}

function withStatus(row: TestCaseRow): TestCaseWithStatus {
  return { ...toTestCase(row), lastRun: row.lastRunId && row.lastStatus ? { runId: row.lastRunId, status: row.lastStatus } : null };
}

/** A stored test case as the native export carries it: no ids, the integration named by the export's own key. */
export type ExportedTestCase = TestCaseValues;

export function createTestCasesRepository(db: Database) {
  async function requireRow(botId: string, integrationId: string, id: string, tx: Database = db): Promise<TestCaseRow> {
    const [row] = await tx
      .select()
      .from(testCases)
      .where(and(eq(testCases.botId, botId), eq(testCases.integrationId, integrationId), eq(testCases.id, id)));
    if (!row) throw notFound(`Test case ${id} of integration ${integrationId}`);
    return row;
  }

  async function writeRevision(tx: Database, action: RevisionAction, testCase: TestCase) {
    await tx.insert(testCaseRevisions).values({
      testCaseId: testCase.id,
      integrationId: testCase.integrationId,
      botId: testCase.botId,
      version: testCase.version,
      action,
      snapshot: testCase,
    });
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
        await writeRevision(tx, action, updated);
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
        createdAt: row.createdAt.toISOString(),
      }));
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
