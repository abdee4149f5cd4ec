import { useFormContext } from 'react-hook-form';
import { ErrorState } from '../../../../components/states';
import { useRunTestCases } from '../../api/test-cases';
import type { FormValues } from '../form/form-values';
import { TestRunResults } from './test-results';

/**
 * Run all test cases, before Save: the integration's test cases run against the form as it is now (the
 * unsaved body), so a builder sees what an edit breaks before it is stored. The badges are left alone.
 */
export function RunTestCases({ botId, integrationId }: { botId: string; integrationId: string }) {
  const { getValues } = useFormContext<FormValues>();
  const run = useRunTestCases(botId);
  const start = () => run.mutate({ unsaved: { integrationId, integration: getValues() } });
  return (
    <section className="test-panel__section" aria-labelledby="run-test-cases-title" data-testid="run-test-cases">
      <h4 id="run-test-cases-title">Run the test cases on the unsaved form</h4>
      <button type="button" className="button" onClick={start} disabled={run.isPending}>
        {run.isPending ? 'Running test cases…' : 'Run all test cases'}
      </button>
      <p className="visually-hidden" aria-live="polite">
        {run.isSuccess ? `${run.data.passed} passed, ${run.data.failed} failed.` : ''}
      </p>
      {run.isError ? <ErrorState title="Could not run the test cases" error={run.error} onRetry={start} /> : null}
      {run.data ? (
        <>
          <p>
            {run.data.passed} passed, {run.data.failed} failed
          </p>
          <TestRunResults results={run.data.results} label="Results on the unsaved form" />
        </>
      ) : null}
    </section>
  );
}
