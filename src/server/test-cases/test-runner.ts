/**
 * Runs test cases in the simulator's sandbox, the one the Test panel uses, so they share its budgets and
 * its one-run-per-core limit; at most RUN_AT_ONCE of a test run's cases are given to it at once, so a big
 * suite never fills the sandbox's queue and the panel's own runs keep their place.
 */
import type { Integration, IntegrationValues } from '../../domain/integration';
import type { SimulateRequestValues } from '../../domain/simulation';
import type { TestCase, TestResult, TestRun, TestRunRequest } from '../../domain/test-cases';
import type { IntegrationsRepository } from '../integrations/integrations-repository';
import { SandboxBusyError, type Sandbox } from '../simulator/sandbox';
import { simulate } from '../simulator/simulate';
import { maskSecrets } from '../simulator/mask-secrets';
import { runEnvironment } from '../simulator/run-environment';
import type { EnvironmentsRepository } from '../environments/environments-repository';
import { evaluate } from './matchers';
import type { TestCasesRepository } from './test-cases-repository';

const RUN_AT_ONCE = 4;
/** A busy simulator (the panel's users, another suite) delays a test case rather than failing it. */
const BUSY_ATTEMPTS = 40;
const BUSY_PAUSE_MS = 250;

function requestOf(testCase: TestCase, envVariables: SimulateRequestValues['envVariables']): SimulateRequestValues {
  const rows = (record: Record<string, string> | undefined) => Object.entries(record ?? {}).map(([key, value]) => ({ key, value }));
  return { sample: testCase.sample, botVariables: rows(testCase.botVariables), envVariables, userMessage: '' };
}

async function mapAtMost<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

export function createTestRunner(deps: {
  sandbox: Sandbox;
  testCases: TestCasesRepository;
  integrations: IntegrationsRepository;
  environments: EnvironmentsRepository;
}) {
  const { sandbox, testCases, integrations, environments } = deps;
  const background = new Set<Promise<unknown>>();

  async function runOne(integration: Integration, testCase: TestCase): Promise<TestResult> {
    const base = { testCaseId: testCase.id, integrationId: testCase.integrationId, name: testCase.name };
    const started = performance.now();
    for (let attempt = 1; ; attempt++) {
      try {
        // As the Test panel runs it: the test case's environment (the bot's when it names none), its own rows over it.
        const own = Object.entries(testCase.envVariables ?? {}).map(([key, value]) => ({ key, value }));
        const { envVariables, secrets } = await runEnvironment(environments, testCase.botId, testCase.environmentId, own);
        const output = maskSecrets(await simulate(sandbox, integration, requestOf(testCase, envVariables)), secrets);
        const { status, failures } = evaluate(integration, testCase, output);
        return { ...base, status, failures, durationMs: output.durationMs };
      } catch (error) {
        if (!(error instanceof SandboxBusyError) || attempt >= BUSY_ATTEMPTS) {
          const message = error instanceof SandboxBusyError ? 'the simulator stayed busy' : (error as Error).message;
          const durationMs = Math.round(performance.now() - started);
          return { ...base, status: 'error', failures: [{ path: 'run', expected: 'a finished run', actual: message }], durationMs };
        }
        await new Promise((resolve) => setTimeout(resolve, BUSY_PAUSE_MS));
      }
    }
  }

  async function run(botId: string, request: TestRunRequest, trigger: 'api' | 'save' = 'api'): Promise<TestRun> {
    const unsaved = request.unsaved;
    const cases = await testCases.forRun(botId, {
      integrationIds: unsaved ? [unsaved.integrationId] : request.integrationIds,
      testCaseIds: request.testCaseIds,
    });
    const saved = new Map<string, Integration>();
    if (unsaved) {
      // The form's body stands in for the saved integration; the record fields are the saved one's.
      const current = await integrations.get(botId, unsaved.integrationId);
      saved.set(unsaved.integrationId, { ...current, ...(unsaved.integration as IntegrationValues) } as Integration);
    }
    for (const id of new Set(cases.map((testCase) => testCase.integrationId))) {
      if (!saved.has(id)) saved.set(id, await integrations.get(botId, id));
    }
    const results = await mapAtMost(cases, RUN_AT_ONCE, (testCase) => runOne(saved.get(testCase.integrationId)!, testCase));
    return testCases.saveRun(botId, unsaved ? 'unsaved' : trigger, results);
  }

  return {
    run,
    /** After a save: the integration's test cases run without holding the save's answer (badge: lastRun). */
    runAfterSave(botId: string, integrationId: string, log: (error: unknown) => void, first: Promise<void> = Promise.resolve()): void {
      const pending = first
        .then(() => testCases.forRun(botId, { integrationIds: [integrationId] }))
        .then((cases) => (cases.length > 0 ? run(botId, { integrationIds: [integrationId] }, 'save') : null))
        .catch((error) => {
          // The integration or the bot was deleted meanwhile: nothing left to run.
          if (!(error instanceof Error && 'kind' in error && (error as { kind: string }).kind === 'not-found')) log(error);
        });
      background.add(pending);
      void pending.finally(() => background.delete(pending));
    },
    /** Lets the background runs end (on close), so none writes to a closed database. */
    async settle(): Promise<void> {
      while (background.size > 0) await Promise.allSettled([...background]);
    },
  };
}
export type TestRunner = ReturnType<typeof createTestRunner>;
