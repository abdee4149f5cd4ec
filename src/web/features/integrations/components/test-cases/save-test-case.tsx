import { useId, useState, type FormEvent } from 'react';
import type { SimulationOutput } from '../../../../../domain/simulation';
import { expectationsOf, testCaseInputSchema, type TestCaseExpect, type TestCaseInput } from '../../../../../domain/test-cases';
import { ErrorState } from '../../../../components/states';
import { isApiError } from '../../../../lib/api-client';
import { useCreateTestCase } from '../../api/test-cases';

type Group = 'error' | 'customData' | 'botVariables' | 'logIncludes';

interface Row {
  group: Group;
  key: string;
  /** The path as the API names it in failures: `customData.city`. */
  path: string;
  /** Text values are edited as they are; lists, null and the error kind as JSON. */
  text: string;
  asJson: boolean;
  on: boolean;
}

function rowsOf(expect: TestCaseExpect): Row[] {
  const rows: Row[] = [{ group: 'error', key: 'error', path: 'error', text: JSON.stringify(expect.error ?? null), asJson: true, on: true }];
  for (const group of ['customData', 'botVariables'] as const) {
    for (const [key, value] of Object.entries(expect[group] ?? {})) {
      const asJson = typeof value !== 'string';
      rows.push({ group, key, path: `${group}.${key}`, text: asJson ? JSON.stringify(value) : value, asJson, on: true });
    }
  }
  (expect.logIncludes ?? []).forEach((line, index) =>
    rows.push({ group: 'logIncludes', key: String(index), path: `logIncludes.${index}`, text: line, asJson: false, on: true }),
  );
  return rows;
}

/** The expectations the ticked rows make, or the path of a row whose JSON does not parse. */
function expectOf(rows: Row[]): { expect: TestCaseExpect } | { badRow: string } {
  const expect: TestCaseExpect = {};
  for (const row of rows.filter((item) => item.on)) {
    let value: unknown = row.text;
    if (row.asJson) {
      try {
        value = JSON.parse(row.text);
      } catch {
        return { badRow: row.path };
      }
    }
    if (row.group === 'error') expect.error = value as TestCaseExpect['error'];
    else if (row.group === 'logIncludes') expect.logIncludes = [...(expect.logIncludes ?? []), String(value)];
    else expect[row.group] = { ...expect[row.group], [row.key]: value } as never;
  }
  return { expect };
}

interface SaveTestCaseProps {
  botId: string;
  integrationId: string;
  output: SimulationOutput;
  /** The inputs the output was computed from. */
  inputs: Omit<TestCaseInput, 'name' | 'expect'>;
  /** Called with true once it is saved, false on Cancel. */
  onDone: (saved: boolean) => void;
}

/**
 * Save as test case: the run's inputs, with the outputs just shown as expectations, each of which can be
 * unticked or changed before saving. Checked by the API's own schema before it is sent.
 */
export function SaveTestCase({ botId, integrationId, output, inputs, onDone }: SaveTestCaseProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [rows, setRows] = useState(() => rowsOf(expectationsOf(output)));
  const [problem, setProblem] = useState<string | null>(null);
  const create = useCreateTestCase(botId, integrationId);
  const update = (index: number, change: Partial<Row>) =>
    setRows((all) => all.map((row, at) => (at === index ? { ...row, ...change } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = expectOf(rows);
    if ('badRow' in built) {
      setProblem(`The expected value of ${built.badRow} is not JSON: write a list as ["a", "b"], text in quotes, or null.`);
      return;
    }
    const parsed = testCaseInputSchema.safeParse({ ...inputs, name, expect: built.expect });
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((issue) => issue.message).join(' '));
      return;
    }
    setProblem(null);
    create.mutate(parsed.data, { onSuccess: () => onDone(true) });
  };

  const serverErrors = isApiError(create.error) ? Object.values(create.error.fieldErrors) : [];
  return (
    <form className="save-test-case" aria-label="Save as test case" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`} className="field__label">
          Test case name
        </label>
        <input id={`${id}-name`} className="input" value={name} onChange={(event) => setName(event.target.value)} required />
      </div>
      <fieldset className="save-test-case__expectations">
        <legend>Expectations (untick what should not be checked)</legend>
        <ul>
          {rows.map((row, index) => (
            <li key={row.path} className="save-test-case__row">
              <input
                type="checkbox"
                id={`${id}-on-${index}`}
                checked={row.on}
                onChange={(event) => update(index, { on: event.target.checked })}
              />
              <label htmlFor={`${id}-on-${index}`}>
                <code>{row.path}</code>
              </label>
              <input
                className="input"
                aria-label={`Expected ${row.path}`}
                value={row.text}
                disabled={!row.on}
                onChange={(event) => update(index, { text: event.target.value })}
              />
            </li>
          ))}
        </ul>
      </fieldset>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
      {create.isError ? (
        <div>
          <ErrorState
            title="Could not save the test case"
            error={create.error}
            onRetry={() => create.variables && create.mutate(create.variables, { onSuccess: () => onDone(true) })}
          />
          {serverErrors.length > 0 ? (
            <ul>
              {serverErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="test-panel__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Save test case'}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
