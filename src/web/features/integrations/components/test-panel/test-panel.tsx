import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { demoSampleFor } from '../../../../../domain/integration-types';
import { ErrorState } from '../../../../components/states';
import { isApiError } from '../../../../lib/api-client';
import { useReadOnlyReason } from '../../../../lib/me';
import type { FormValues } from '../form/form-values';
import { TransferPreview } from '../transfer-preview/transfer-preview';
import { useSampleVariables } from './sample-variables-context';
import { SimulationResults } from './simulation-results';
import { TEST_PANEL_ID, useTestPanel } from './test-panel-context';
import { TestInputs, useTestInputsForm } from './test-inputs';
import { useTestRun } from './use-test-run';
import { SaveTestCase } from '../test-cases/save-test-case';
import { RunTestCases } from '../test-cases/run-test-cases';
import type { SimulateUnsavedRequest } from '../../../../../domain/simulation';

const recordOf = (rows: { key: string; value: string }[] | undefined) =>
  rows && rows.length > 0 ? Object.fromEntries(rows.map((row) => [row.key, row.value])) : undefined;

/** The inputs a test case keeps of a run. */
function testCaseInputsOf(request: SimulateUnsavedRequest) {
  return {
    sample: { status: request.sample.status ?? 200, body: request.sample.body },
    botVariables: recordOf(request.botVariables),
    envVariables: recordOf(request.envVariables),
  };
}

/** A 400 names each bad field: list them, since the form fields they belong to may be out of sight. */
function RequestError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const fieldErrors = isApiError(error) ? Object.entries(error.fieldErrors) : [];
  return (
    <div data-testid="test-request-error">
      <ErrorState title="Could not run the test" error={error} onRetry={onRetry} />
      {fieldErrors.length > 0 ? (
        <ul className="test-panel__problems">
          {fieldErrors.map(([field, message]) => (
            <li key={field}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The Test panel beside the form: runs the integration as it stands in the form, saved or not,
 * on a sample raw result (POST /api/bots/:botId/simulate), and shows what the bot would get.
 */
export function TestPanel({ botId, integrationId }: { botId: string; integrationId: string | null }) {
  const { open, setOpen, toggleRef } = useTestPanel();
  const canWrite = useReadOnlyReason() === null;
  const { getValues, control } = useFormContext<FormValues>();
  const type = useWatch({ control, name: 'type' });
  const { botVariables, envVariables } = useSampleVariables();
  // The seeded demo integrations come with a ready sample: Test → Run test shows results at once.
  const [initialSample] = useState(() => demoSampleFor(getValues()));
  const inputs = useTestInputsForm(initialSample);
  const typed = useWatch({ control: inputs.control });
  const { run, simulation, output, outputRequest, stale, editor } = useTestRun(botId, typed);
  const [saving, setSaving] = useState(false);
  const [savedNote, setSavedNote] = useState('');
  const submit = inputs.handleSubmit(run);
  const outputBox = useRef<HTMLDivElement>(null);

  // A run's results come under the inputs, often below the fold (a 1366 × 768 laptop): they are brought into view
  // as they arrive, so Run test visibly does something. Smoothly, unless the person asked for less motion.
  useEffect(() => {
    if (!output) return;
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    outputBox.current?.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  }, [output]);

  const { setFocus } = inputs;
  useEffect(() => {
    if (open) setFocus('sample');
  }, [open, setFocus]);

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      close();
    }
  };

  return (
    <section
      id={TEST_PANEL_ID}
      className="test-panel"
      aria-labelledby="test-panel-title"
      hidden={!open}
      onKeyDown={onKeyDown}
      data-testid="test-panel"
    >
      <div className="test-panel__inner">
        <header className="test-panel__header">
          <h3 id="test-panel-title">Test integration</h3>
          <button type="button" className="button button--icon" aria-label="Close test panel" title="Close (Esc)" onClick={close}>
            ✕
          </button>
        </header>
        <p className="field__help">
          Runs the integration as it is in the form, saved or not, on a sample raw result: the Transform Result Script in a sandbox, then
          every custom data field.
        </p>
        <TestInputs form={inputs} onRun={run} running={simulation.isPending} />

        <div ref={outputBox} className="test-panel__output" aria-busy={simulation.isPending}>
          <p className="visually-hidden" role="status">
            {simulation.isPending
              ? 'Running the test…'
              : output && simulation.isSuccess
                ? `Test finished${output.error ? ' with an error' : ''} in ${Math.round(output.durationMs)} ms.`
                : ''}
          </p>
          {simulation.isPending ? (
            <p className="test-panel__pending">
              <span className="spinner" aria-hidden="true" /> Running the test…
            </p>
          ) : null}
          {simulation.isError ? (
            <RequestError error={simulation.error} onRetry={() => void submit()} />
          ) : output ? (
            // The previous results stay (dimmed) while the next run is on its way: nothing jumps.
            <>
              {stale && !simulation.isPending ? (
                <p className="test-panel__stale" data-testid="test-results-stale">
                  The form or the sample has changed since this run: Run test again for results that match.
                </p>
              ) : null}
              <SimulationResults output={output} editor={editor} />
              {integrationId && outputRequest && !saving && canWrite ? (
                <div className="test-panel__actions">
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      setSavedNote('');
                      setSaving(true);
                    }}
                  >
                    Save as test case
                  </button>
                </div>
              ) : null}
              {integrationId && outputRequest && saving ? (
                <SaveTestCase
                  botId={botId}
                  integrationId={integrationId}
                  output={output}
                  inputs={testCaseInputsOf(outputRequest)}
                  onDone={(saved) => {
                    setSaving(false);
                    if (saved) setSavedNote('Test case saved.');
                  }}
                />
              ) : null}
              <p aria-live="polite">{savedNote}</p>
            </>
          ) : simulation.isPending ? null : (
            <p className="kv__empty">Enter a sample result and run the test to see what the bot would get.</p>
          )}
          {/* Test runs and test cases are stored: a builder's. A viewer runs the Test panel itself. */}
          {integrationId && canWrite ? <RunTestCases botId={botId} integrationId={integrationId} /> : null}
          {type === 'LIVEPERSON_AGENT_ESCALATION' ? (
            <section
              className="test-panel__transfer-preview"
              data-testid="transfer-preview-slot"
              aria-labelledby="test-transfer-preview-title"
            >
              <h4 id="test-transfer-preview-title">Transfer preview</h4>
              <TransferPreview botVariables={botVariables} envVariables={envVariables} />
            </section>
          ) : null}
        </div>
      </div>
    </section>
  );
}
