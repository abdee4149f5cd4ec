import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { EnvironmentVariable } from '../../../../../domain/environments';
import { EnvCompletionProvider } from '../../../../components/form/env-completion';

/** The bot's environment as the form reads it: secret values are never in the browser (they show masked). */
export interface FormEnvironment {
  name: string;
  variables: readonly EnvironmentVariable[];
}

/** An environment the Test panel and the transfer preview may run with instead of the bot's. */
export interface EnvironmentChoice extends FormEnvironment {
  id: string;
}

interface EnvironmentPick {
  /** What the form reads: the picked environment, else the bot's (undefined while loading, null for none). */
  environment: FormEnvironment | null | undefined;
  botEnvironment: FormEnvironment | null | undefined;
  choices: readonly EnvironmentChoice[];
  /** undefined: the bot's own; null: none; else an environment's id. */
  pickedId: string | null | undefined;
  setPickedId: (id: string | null | undefined) => void;
}

// The app layer knows the bot and the environments (features do not import each other) and hands them down.
const FormEnvironmentContext = createContext<EnvironmentPick>({
  environment: undefined,
  botEnvironment: undefined,
  choices: [],
  pickedId: undefined,
  setPickedId: () => undefined,
});

/**
 * `value`: undefined while loading, null when the bot has no environment. The form's text fields complete
 * `{$env.` and show what each reference resolves to in the environment the form reads: the bot's, unless
 * the Test panel picked another.
 */
export function FormEnvironmentProvider({
  value,
  choices = [],
  children,
}: {
  value: FormEnvironment | null | undefined;
  choices?: readonly EnvironmentChoice[];
  children: ReactNode;
}) {
  const [pickedId, setPickedId] = useState<string | null | undefined>(undefined);
  const pick = useMemo<EnvironmentPick>(() => {
    const picked = pickedId === undefined ? value : pickedId === null ? null : choices.find((choice) => choice.id === pickedId);
    return { environment: picked, botEnvironment: value, choices, pickedId, setPickedId };
  }, [value, choices, pickedId]);
  return (
    <FormEnvironmentContext.Provider value={pick}>
      <EnvCompletionProvider environment={pick.environment}>{children}</EnvCompletionProvider>
    </FormEnvironmentContext.Provider>
  );
}

/** The environment the form reads `{$env.NAME}` in: the bot's, or the one picked in the Test panel. */
export const useFormEnvironment = () => useContext(FormEnvironmentContext).environment;

export const useEnvironmentPick = () => useContext(FormEnvironmentContext);

/**
 * The choice of environment the Test panel and the transfer preview run with (one choice, shown in both):
 * the bot's own by default.
 */
export function EnvironmentPicker({ id, help }: { id: string; help: string }) {
  const { botEnvironment, choices, pickedId, setPickedId } = useEnvironmentPick();
  const value = pickedId === undefined ? 'bot' : pickedId === null ? 'none' : pickedId;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        Environment
      </label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(event) => {
          const next = event.target.value;
          setPickedId(next === 'bot' ? undefined : next === 'none' ? null : next);
        }}
      >
        <option value="bot">{botEnvironment ? `The bot's (${botEnvironment.name})` : "The bot's (none)"}</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
        <option value="none">No environment</option>
      </select>
      <p className="field__help">{help}</p>
    </div>
  );
}
