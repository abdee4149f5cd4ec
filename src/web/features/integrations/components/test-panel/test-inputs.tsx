import { zodResolver } from '@hookform/resolvers/zod';
import { FormProvider, useForm, type UseFormReturn } from 'react-hook-form';
import { simulationInputsSchema, type SimulationInputs } from '../../../../../domain/simulation';
import { FieldScope } from '../../../../components/form/field';
import { HttpStatusField, SampleResultField, UserMessageField } from './sample-fields';
import { SampleVariableList } from './sample-variable-list';
import { useSampleVariablesEditor } from './sample-variables-context';
import { EnvironmentPicker } from '../environment/form-environment';

/** The panel's inputs are a form of their own, beside the integration's: checked by the domain's schema. */
export function useTestInputsForm(sample: string): UseFormReturn<SimulationInputs> {
  return useForm<SimulationInputs>({
    resolver: zodResolver(simulationInputsSchema),
    defaultValues: { sample, status: 200, userMessage: '' },
  });
}

interface TestInputsProps {
  form: UseFormReturn<SimulationInputs>;
  onRun: (inputs: SimulationInputs) => void;
  running: boolean;
}

/**
 * What a test runs on: the sample raw result, its status, the user message and the sample variables.
 * A sample that does not parse or a status HTTP does not have is refused here, with the focus on it, and nothing is sent.
 */
export function TestInputs({ form, onRun, running }: TestInputsProps) {
  const { botVariables, envVariables, setBotVariables, setEnvVariables } = useSampleVariablesEditor();
  return (
    <FormProvider {...form}>
      {/* The panel's fields get ids of their own beside the integration form's. */}
      <FieldScope.Provider value="test">
        <form className="test-panel__inputs" noValidate aria-label="Test inputs" onSubmit={form.handleSubmit(onRun)}>
          <SampleResultField />
          <div className="test-panel__row">
            <HttpStatusField />
            <UserMessageField />
          </div>
          <SampleVariableList
            legend="Bot variables"
            item="Bot variable"
            rows={botVariables}
            onChange={setBotVariables}
            help="Read by botContext.getBotVariable and {$botContext.name}."
            testId="test-bot-variable-inputs"
          />
          <EnvironmentPicker
            id="test-environment"
            help="What {$env.NAME} and getEnvVariable read in the run, the transfer preview and beside the form's fields; the rows below win."
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
            <button type="submit" className="button button--primary" disabled={running} data-testid="run-test">
              {running ? 'Running…' : 'Run test'}
            </button>
          </div>
        </form>
      </FieldScope.Provider>
    </FormProvider>
  );
}
