import type { TestCase, TestCaseChange } from '../../../../domain/test-cases';

const CHANGE_WORDS: Record<TestCaseChange['action'], string> = {
  create: 'added',
  update: 'changed',
  rename: 'renamed with it',
  restore: 'restored',
  delete: 'deleted',
};

/** The revision list's line for the test case changes made with a version ("Test case Boston renamed with it"). */
export function testCaseChangesLine(changes: readonly TestCaseChange[]): string {
  if (changes.length === 0) return '';
  const shown = changes.slice(0, 4).map((change) => `${change.name} ${CHANGE_WORDS[change.action]}`);
  const more = changes.length > shown.length ? `, and ${changes.length - shown.length} more` : '';
  return `${changes.length === 1 ? 'Test case' : 'Test cases'}: ${shown.join('; ')}${more}`;
}

const valuesOf = ({ name, sample, botVariables, envVariables, environmentId, expect }: TestCase) =>
  JSON.stringify({ name, sample, botVariables, envVariables, environmentId, expect });

/**
 * The test cases a revision holds, each compared with the test cases now: what restoring it brings back,
 * and which test cases made since it removes.
 */
export function RevisionTestCases({
  version,
  testCases,
  current,
  changes,
}: {
  version: number;
  testCases: readonly TestCase[];
  /** The test cases now; undefined while they load. */
  current: readonly TestCase[] | undefined;
  changes: readonly TestCaseChange[];
}) {
  const now = new Map((current ?? []).map((testCase) => [testCase.id, testCase]));
  const held = new Set(testCases.map((testCase) => testCase.id));
  const addedSince = (current ?? []).filter((testCase) => !held.has(testCase.id));
  const stateOf = (testCase: TestCase) => {
    if (!current) return '';
    const live = now.get(testCase.id);
    if (!live) return 'deleted since';
    return valuesOf(live) === valuesOf(testCase) ? 'as now' : 'changed since';
  };
  return (
    <section className="revision-test-cases" aria-labelledby="revision-test-cases-title">
      <h4 id="revision-test-cases-title">Test cases with version {version}</h4>
      {testCases.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul aria-label={`Test cases with version ${version}`}>
          {testCases.map((testCase) => (
            <li key={testCase.id}>
              {testCase.name}
              {stateOf(testCase) ? <span className="revision-test-cases__state"> · {stateOf(testCase)}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {changes.some((change) => change.note) ? (
        <ul aria-label={`Test case changes with version ${version}`}>
          {changes
            .filter((change) => change.note)
            .map((change, index) => (
              <li key={index}>
                {change.name}: <span className="revision-test-cases__note">{change.note}</span>
              </li>
            ))}
        </ul>
      ) : null}
      {addedSince.length > 0 ? (
        <p>
          Added since, removed by restoring version {version}: {addedSince.map((testCase) => testCase.name).join(', ')}. Restoring a later
          version brings them back.
        </p>
      ) : null}
    </section>
  );
}
