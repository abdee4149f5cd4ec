import { useEffect, useState, type KeyboardEvent } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { demoSampleFor } from '../../../../../domain/integration-types';
import { ErrorState } from '../../../../components/states';
import { isApiError } from '../../../../lib/api-client';
import type { FormValues } from '../form/form-values';
import { TransferPreview } from '../transfer-preview/transfer-preview';
import { useSampleVariables } from './sample-variables-context';
import { SimulationResults } from './simulation-results';
import { TEST_PANEL_ID, useTestPanel } from './test-panel-context';
import { TestInputs, useTestInputsForm } from './test-inputs';
import { useTestRun } from './use-test-run';

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
export function TestPanel({ botId }: { botId: string }) {
  const { open, setOpen, toggleRef } = useTestPanel();
  const { getValues, control } = useFormContext<FormValues>();
  const type = useWatch({ control, name: 'type' });
  const { botVariables, envVariables } = useSampleVariables();
  // The seeded demo integrations come with a ready sample: Test → Run test shows results at once.
  const [initialSample] = useState(() => demoSampleFor(getValues()));
  const inputs = useTestInputsForm(initialSample);
  const typed = useWatch({ control: inputs.control });
  const { run, simulation, output, stale, editor } = useTestRun(botId, typed);
  const submit = inputs.handleSubmit(run);

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

        <div className="test-panel__output" aria-busy={simulation.isPending}>
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
            </>
          ) : simulation.isPending ? null : (
            <p className="kv__empty">Enter a sample result and run the test to see what the bot would get.</p>
          )}
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
