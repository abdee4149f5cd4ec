import type { TestResult } from '../../../../../domain/test-cases';

const STATUS_WORDS: Record<TestResult['status'], string> = { passed: 'Passed', failed: 'Failing', error: 'Error' };

const shown = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

export function TestStatusPill({ status }: { status: TestResult['status'] | null }) {
  if (status === null) return <span className="pill">Not run</span>;
  return <span className={`pill test-status test-status--${status}`}>{STATUS_WORDS[status]}</span>;
}

/** What did not hold, expected beside actual, one row per expectation. */
export function TestFailures({ result }: { result: Pick<TestResult, 'failures' | 'name'> }) {
  if (result.failures.length === 0) return null;
  return (
    <table className="test-failures" aria-label={`Failed expectations of ${result.name}`}>
      <thead>
        <tr>
          <th scope="col">Expectation</th>
          <th scope="col">Expected</th>
          <th scope="col">Actual</th>
        </tr>
      </thead>
      <tbody>
        {result.failures.map((failure) => (
          <tr key={failure.path}>
            <th scope="row">
              <code>{failure.path}</code>
            </th>
            <td data-testid="failure-expected">
              <code>{shown(failure.expected)}</code>
            </td>
            <td data-testid="failure-actual">
              <code>{shown(failure.actual)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A run's results: each test case with its status and, when it failed, what did not hold. */
export function TestRunResults({ results, label }: { results: TestResult[]; label: string }) {
  if (results.length === 0) return <p className="kv__empty">This integration has no test cases yet.</p>;
  return (
    <ul className="test-run-results" aria-label={label}>
      {results.map((result) => (
        <li key={result.testCaseId} className="test-run-results__item">
          <span className="test-run-results__name">{result.name}</span> <TestStatusPill status={result.status} />
          <TestFailures result={result} />
        </li>
      ))}
    </ul>
  );
}
