import { createContext, useContext, useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { envReferencesOf, resolveEnvText } from '../../../../../domain/env-references';
import type { EnvironmentVariable } from '../../../../../domain/environments';
import { INTEGRATION_FIELD_LABELS } from '../../../../../domain/field-labels';
import { TextCompletionProvider } from '../../../../components/form/text-completion';
import './form-environment.css';

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

const COMPLETION_LIST = 'env-variable-completion';

/**
 * `value`: undefined while loading, null when the bot has no environment. Its names complete `{$env.` in
 * the form's one-line text fields.
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
  const names = value?.variables.map((variable) => variable.name) ?? [];
  return (
    <FormEnvironmentContext.Provider value={pick}>
      <TextCompletionProvider listId={names.length > 0 ? COMPLETION_LIST : undefined}>{children}</TextCompletionProvider>
      {names.length > 0 ? (
        <datalist id={COMPLETION_LIST} data-testid="env-completion">
          {names.map((name) => (
            <option key={name} value={`{$env.${name}}`} />
          ))}
        </datalist>
      ) : null}
    </FormEnvironmentContext.Provider>
  );
}

/** The environment the form reads `{$env.NAME}` in: the bot's, or the one picked in the Test panel. */
export const useFormEnvironment = () => useContext(FormEnvironmentContext).environment;

export const useEnvironmentPick = () => useContext(FormEnvironmentContext);

/** The Test panel's choice of environment: the bot's own by default. */
export function EnvironmentPicker() {
  const { botEnvironment, choices, pickedId, setPickedId } = useEnvironmentPick();
  const value = pickedId === undefined ? 'bot' : pickedId === null ? 'none' : pickedId;
  return (
    <div className="field">
      <label htmlFor="test-environment" className="field__label">
        Environment
      </label>
      <select
        id="test-environment"
        className="input"
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
      <p className="field__help">What {'{$env.NAME}'} and getEnvVariable read in the run and the transfer preview; the rows below win.</p>
    </div>
  );
}

/** A field path (`headers.0.value`) in the panel's words: "Request Headers 1 value". */
function labelOf(path: string): string {
  const [field, ...rest] = path.split('.');
  const label = INTEGRATION_FIELD_LABELS[field!] ?? field!;
  return rest.length === 0 ? label : `${label} ${rest.map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part)).join(' ')}`;
}

/**
 * Beside the fields: every one that uses `{$env.NAME}`, with the value it resolves to in the bot's environment
 * (a secret masked), and a warning for each name the environment lacks.
 */
export function EnvironmentValues() {
  const environment = useFormEnvironment();
  // Read after the keystroke's frame: finding the references walks every field (a hundred custom data rows).
  const values = useDeferredValue(useWatch() as Record<string, unknown>);
  const references = useMemo(() => envReferencesOf(values), [values]);
  if (references.length === 0 || environment === undefined) return null;
  const fields = [...new Set(references.map((reference) => reference.field))];
  return (
    <section className="form-section" aria-labelledby="environment-values-title" data-testid="environment-values">
      <h3 id="environment-values-title" className="form-section__summary">
        {environment ? `Values in ${environment.name}` : 'Environment values'}
      </h3>
      {environment ? null : <p className="field__help">This bot has no environment: pick one in its header to fill in {'{$env.NAME}'}.</p>}
      <dl className="env-resolved">
        {fields.map((field) => {
          const text = field.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], values);
          const resolved = resolveEnvText(String(text ?? ''), environment?.variables ?? []);
          return (
            <div key={field}>
              <dt>{labelOf(field)}</dt>
              <dd data-testid={`env-resolved-${field}`}>
                <code>{resolved.text}</code>
                {resolved.missing.length > 0 ? (
                  <p className="field__warning" role="status">
                    {resolved.missing.map((name) => `{$env.${name}}`).join(', ')}{' '}
                    {environment ? `missing from ${environment.name}` : 'has no value'}.
                  </p>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
