import { useEffect, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import type { SimulateUnsavedRequest, SimulationInputs, SimulationOutput } from '../../../../../domain/simulation';
import { useSimulateIntegration } from '../../api/simulate-integration';
import type { FormValues } from '../form/form-values';
import { useScriptEditorBridge } from '../script-editor/script-editor-bridge';
import { useSampleVariables, type SampleVariable } from './sample-variables-context';
import { useEnvironmentPick } from '../environment/form-environment';

/** Rows the user added but left blank are not sent; half-filled ones are, so the API can say what is missing. */
const filled = (rows: SampleVariable[]) => rows.filter((row) => row.key.trim() !== '' || row.value !== '');

/**
 * Runs the integration as it stands in the form (saved or not) on the Test panel's inputs, and keeps the
 * results together with what they were computed from: once the form, the inputs or the sample variables
 * differ, `stale` is true, so the panel can say so rather than pass the results off as current.
 * `typed`: the panel's inputs as they are now, checked or not.
 */
export function useTestRun(botId: string, typed: Partial<SimulationInputs>) {
  const { getValues, watch } = useFormContext<FormValues>();
  const { editor } = useScriptEditorBridge();
  const { botVariables, envVariables } = useSampleVariables();
  const simulation = useSimulateIntegration(botId);
  // The server runs with the bot's environment unless told another (or none); secrets never reach the browser.
  const { pickedId } = useEnvironmentPick();
  const [output, setOutput] = useState<SimulationOutput | null>(null);
  // What the output was computed from: Save as test case keeps it as the test case's inputs.
  const [outputRequest, setOutputRequest] = useState<SimulateUnsavedRequest | null>(null);
  const [ranWith, setRanWith] = useState<{ integration: string; inputs: string } | null>(null);
  const [formChanged, setFormChanged] = useState(false);
  useEffect(() => {
    if (!ranWith) return;
    const subscription = watch(() => setFormChanged(JSON.stringify(getValues()) !== ranWith.integration));
    return () => subscription.unsubscribe();
  }, [watch, getValues, ranWith]);
  const inputsNow = JSON.stringify({ ...typed, botVariables, envVariables, pickedId });
  const stale = ranWith !== null && (formChanged || ranWith.inputs !== inputsNow);

  const run = ({ sample, status, userMessage }: SimulationInputs) => {
    const request: SimulateUnsavedRequest = {
      integration: getValues(),
      sample: { status, body: sample },
      botVariables: filled(botVariables),
      envVariables: filled(envVariables),
      userMessage,
      ...(pickedId !== undefined ? { environmentId: pickedId } : {}),
    };
    editor?.showRunError(null);
    const ran = { integration: JSON.stringify(request.integration), inputs: inputsNow };
    simulation.mutate(request, {
      onSuccess: (result) => {
        setOutput(result);
        setOutputRequest(request);
        setRanWith(ran);
        setFormChanged(false);
        const { error } = result;
        if (error && error.line !== null) editor?.showRunError({ message: error.message, line: error.line, column: error.column });
      },
    });
  };

  return { run, simulation, output, outputRequest, stale, editor };
}
