import { useFormContext } from 'react-hook-form';
import type { SimulationInputs } from '../../../../../domain/simulation';
import { Field } from '../../../../components/form/field';
import { TextField } from '../../../../components/form/text-field';

/*
 * The Test panel's own inputs, drawn by the form Field layer (label, asterisk, help, error and their
 * ids); simulationInputsSchema checks them. The error test ids are the ones tests used before.
 */

export function SampleResultField() {
  const { register } = useFormContext<SimulationInputs>();
  return (
    <Field
      name="sample"
      label="Sample result (JSON)"
      required
      help="The raw result as the API would return it; the script reads it in api_<Response Data Variable Name>."
      errorTestId="test-sample-error"
    >
      {(control) => (
        <textarea
          className="input input--multiline test-panel__code"
          rows={8}
          spellCheck={false}
          placeholder='{"items": [{"name": "first"}]}'
          data-testid="test-sample"
          {...control}
          {...register('sample')}
        />
      )}
    </Field>
  );
}

export function HttpStatusField() {
  const { register } = useFormContext<SimulationInputs>();
  return (
    <Field name="status" label="HTTP status" required errorTestId="test-status-error">
      {(control) => (
        <input
          className="input"
          type="number"
          inputMode="numeric"
          min={100}
          max={599}
          {...control}
          {...register('status', { valueAsNumber: true })}
        />
      )}
    </Field>
  );
}

export function UserMessageField() {
  return <TextField name="userMessage" label="User message" placeholder="What getCurrentUserMessage() returns" />;
}
