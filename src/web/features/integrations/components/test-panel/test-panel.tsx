import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { demoSampleFor } from '../../../../../domain/integration-types';
import { describeJsonTextError, findJsonTextError } from '../../../../../domain/sample-json';
import type { SimulateUnsavedRequest, SimulationOutput } from '../../../../../domain/simulation';
import { ErrorState } from '../../../../components/states';
import { isApiError } from '../../../../lib/api-client';
import { useSimulateIntegration } from '../../api/simulate-integration';
import type { FormValues } from '../form/form-values';
import { useScriptEditorBridge } from '../script-editor/script-editor-bridge';
import { TransferPreview } from '../transfer-preview/transfer-preview';
import { SampleVariableList } from './sample-variable-list';
import { useSampleVariablesEditor, type SampleVariable } from './sample-variables-context';
import { SimulationResults } from './simulation-results';
import { TEST_PANEL_ID, useTestPanel } from './test-panel-context';

const SAMPLE_ID = 'test-sample';
const STATUS_ID = 'test-status';
const USER_MESSAGE_ID = 'test-user-message';

/** Rows the user added but left blank are not sent; half-filled ones are, so the API can say what is missing. */
const filled = (rows: SampleVariable[]) => rows.filter((row) => row.key.trim() !== '' || row.value !== '');

function statusError(text: string): string | null {
  const status = Number(text);
  return Number.isInteger(status) && status >= 100 && status <= 599
    ? null
    : 'HTTP status must be a whole number from 100 to 599, such as 200.';
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
export function TestPanel({ botId }: { botId: string }) {
  const { open, setOpen, toggleRef } = useTestPanel();
  const { getValues, control, watch } = useFormContext<FormValues>();
  const type = useWatch({ control, name: 'type' });
  const { editor } = useScriptEditorBridge();
  const { botVariables, envVariables, setBotVariables, setEnvVariables } = useSampleVariablesEditor();
  const simulation = useSimulateIntegration(botId);
  // The seeded demo integrations come with a ready sample: Test → Run test shows results at once.
  const [sample, setSample] = useState(() => demoSampleFor(getValues()));
  const [status, setStatus] = useState('200');
  const [userMessage, setUserMessage] = useState('');
  const [sampleError, setSampleError] = useState<string | null>(null);
  const [statusProblem, setStatusProblem] = useState<string | null>(null);
  const [output, setOutput] = useState<SimulationOutput | null>(null);
  const sampleRef = useRef<HTMLTextAreaElement>(null);
  // What the shown results were computed from: once the form or the sample differs, they describe
  // something else, and the panel says so rather than passing them off as current.
  const [ranWith, setRanWith] = useState<{ integration: string; sample: string } | null>(null);
  const [formChanged, setFormChanged] = useState(false);
  useEffect(() => {
    if (!ranWith) return;
    const subscription = watch(() => setFormChanged(JSON.stringify(getValues()) !== ranWith.integration));
    return () => subscription.unsubscribe();
  }, [watch, getValues, ranWith]);
  const sampleNow = JSON.stringify({ sample, status, botVariables, envVariables, userMessage });
  const stale = ranWith !== null && (formChanged || ranWith.sample !== sampleNow);

  useEffect(() => {
    if (open) sampleRef.current?.focus();
  }, [open]);

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

  const run = () => {
    const jsonError = findJsonTextError(sample);
    const badStatus = statusError(status);
    setSampleError(jsonError ? describeJsonTextError(jsonError) : null);
    setStatusProblem(badStatus);
    if (jsonError) {
      sampleRef.current?.focus();
      return;
    }
    if (badStatus) return;
    const request: SimulateUnsavedRequest = {
      integration: getValues(),
      sample: { status: Number(status), body: sample },
      botVariables: filled(botVariables),
      envVariables: filled(envVariables),
      userMessage,
    };
    editor?.showRunError(null);
    const ran = { integration: JSON.stringify(request.integration), sample: sampleNow };
    simulation.mutate(request, {
      onSuccess: (result) => {
        setOutput(result);
        setRanWith(ran);
        setFormChanged(false);
        const { error } = result;
        if (error && error.line !== null) editor?.showRunError({ message: error.message, line: error.line, column: error.column });
      },
    });
  };

  const describedBySample = ['test-sample-help', sampleError ? 'test-sample-error' : null].filter(Boolean).join(' ');

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
        <form
          className="test-panel__inputs"
          noValidate
          aria-label="Test inputs"
          onSubmit={(event) => {
            event.preventDefault();
            run();
          }}
        >
          <div className={sampleError ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor={SAMPLE_ID}>
              Sample result (JSON)
            </label>
            <textarea
              ref={sampleRef}
              id={SAMPLE_ID}
              className="input input--multiline test-panel__code"
              rows={8}
              spellCheck={false}
              placeholder='{"items": [{"name": "first"}]}'
              value={sample}
              aria-invalid={sampleError !== null}
              aria-describedby={describedBySample}
              data-testid="test-sample"
              onChange={(event) => {
                setSample(event.target.value);
                if (sampleError) setSampleError(null);
              }}
            />
            {sampleError ? (
              <p className="field__error" id="test-sample-error" data-testid="test-sample-error">
                {sampleError}
              </p>
            ) : null}
            <p className="field__help" id="test-sample-help">
              The raw result as the API would return it; the script reads it in api_&lt;Response Data Variable Name&gt;.
            </p>
          </div>
          <div className="test-panel__row">
            <div className={statusProblem ? 'field field--invalid' : 'field'}>
              <label className="field__label" htmlFor={STATUS_ID}>
                HTTP status
              </label>
              <input
                id={STATUS_ID}
                className="input"
                type="number"
                inputMode="numeric"
                min={100}
                max={599}
                value={status}
                aria-invalid={statusProblem !== null}
                aria-describedby={statusProblem ? 'test-status-error' : undefined}
                onChange={(event) => {
                  setStatus(event.target.value);
                  if (statusProblem) setStatusProblem(null);
                }}
              />
              {statusProblem ? (
                <p className="field__error" id="test-status-error" data-testid="test-status-error">
                  {statusProblem}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label className="field__label" htmlFor={USER_MESSAGE_ID}>
                User message
              </label>
              <input
                id={USER_MESSAGE_ID}
                className="input"
                autoComplete="off"
                value={userMessage}
                placeholder="What getCurrentUserMessage() returns"
                onChange={(event) => setUserMessage(event.target.value)}
              />
            </div>
          </div>
          <SampleVariableList
            legend="Bot variables"
            item="Bot variable"
            rows={botVariables}
            onChange={setBotVariables}
            help="Read by botContext.getBotVariable and {$botContext.name}."
            testId="test-bot-variable-inputs"
          />
          <SampleVariableList
            legend="Environment variables"
            item="Environment variable"
            rows={envVariables}
            onChange={setEnvVariables}
            help="Read by botContext.getEnvVariable."
            testId="test-env-variable-inputs"
          />
          <div className="test-panel__actions">
            <button type="submit" className="button button--primary" disabled={simulation.isPending} data-testid="run-test">
              {simulation.isPending ? 'Running…' : 'Run test'}
            </button>
          </div>
        </form>

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
            <RequestError error={simulation.error} onRetry={run} />
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
