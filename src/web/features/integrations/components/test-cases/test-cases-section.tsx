import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Integration } from '../../../../../domain/integration';
import { ErrorState } from '../../../../components/states';
import { useReadOnlyReason } from '../../../../lib/me';
import { testCaseKeys, testCasesQueryOptions, useDeleteTestCase, useTestRunResult, type ListedTestCase } from '../../api/test-cases';
import { TestFailures, TestStatusPill } from './test-results';

/** How long after a save the list is asked again: the test cases run in the background meanwhile. */
const POLL_AFTER_SAVE_MS = 20_000;

function FailingCase({ botId, testCase }: { botId: string; testCase: ListedTestCase }) {
  const run = useTestRunResult(botId, testCase.lastRun?.runId ?? null);
  const result = run.data?.results.find((item) => item.testCaseId === testCase.id);
  return (
    <>
      {result ? <TestFailures result={result} /> : null}
      <a href={`/api/bots/${encodeURIComponent(botId)}/test-runs/${testCase.lastRun?.runId}`} target="_blank" rel="noreferrer">
        Open the run of {testCase.name}
      </a>
    </>
  );
}

/**
 * The integration's test cases, each with the status of its last run against the saved integration and,
 * when it fails, what did not hold. After a save it asks again until the background run has answered.
 */
export function TestCasesSection({ botId, integration }: { botId: string; integration: Integration }) {
  const client = useQueryClient();
  // Set when a save changes the version while the section is shown: the background run answers soon after.
  const [savedAt, setSavedAt] = useState(0);
  const firstVersion = useRef(integration.version);
  useEffect(() => {
    if (integration.version !== firstVersion.current) setSavedAt(Date.now());
  }, [integration.version]);
  const polling = savedAt > 0;
  const list = useQuery({
    ...testCasesQueryOptions(botId, integration.id),
    refetchInterval: () => (polling && Date.now() - savedAt < POLL_AFTER_SAVE_MS ? 1000 : false),
  });
  const remove = useDeleteTestCase(botId, integration.id);
  const canWrite = useReadOnlyReason() === null;
  const failing = (list.data ?? []).filter((item) => item.lastRun && item.lastRun.status !== 'passed');
  const lastRuns = (list.data ?? []).map((item) => item.lastRun?.runId ?? '').join(',');
  useEffect(() => {
    // A new run changes the list's badge too.
    void client.invalidateQueries({ queryKey: testCaseKeys.failing(botId) });
  }, [client, botId, lastRuns]);

  return (
    <section className="form-section test-cases" aria-labelledby="test-cases-title" data-testid="test-cases-section">
      <h3 id="test-cases-title" className="form-section__title">
        Test cases{' '}
        {failing.length > 0 ? (
          <span className="pill test-status test-status--failed" data-testid="test-cases-failing">
            {failing.length} failing
          </span>
        ) : null}
      </h3>
      {list.isPending ? <p aria-busy="true">Loading the test cases…</p> : null}
      {list.isError ? <ErrorState title="Could not load the test cases" error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.length === 0 ? (
        <p className="kv__empty">No test cases yet: run the integration in the test panel, then save the run as a test case.</p>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <ul className="test-cases__list" aria-label="Test cases">
          {list.data.map((testCase) => (
            <li key={testCase.id} className="test-cases__item" data-testid="test-case">
              <span className="test-cases__name">{testCase.name}</span> <TestStatusPill status={testCase.lastRun?.status ?? null} />
              {canWrite ? (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Delete test case ${testCase.name}`}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(testCase)}
                >
                  Delete
                </button>
              ) : null}
              {testCase.lastRun && testCase.lastRun.status !== 'passed' ? <FailingCase botId={botId} testCase={testCase} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {remove.isError ? (
        <ErrorState
          title="Could not delete the test case"
          error={remove.error}
          onRetry={() => remove.variables && remove.mutate(remove.variables)}
        />
      ) : null}
    </section>
  );
}
