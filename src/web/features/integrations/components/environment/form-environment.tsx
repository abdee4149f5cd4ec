import { createContext, useContext, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { envReferencesOf, resolveEnvText, type EnvironmentVariable } from '../../../../../domain/environments';
import { INTEGRATION_FIELD_LABELS } from '../../../../../domain/field-labels';
import { TextCompletionProvider } from '../../../../components/form/text-completion';
import './form-environment.css';

/** The bot's environment as the form reads it: secret values are never in the browser (they show masked). */
export interface FormEnvironment {
  name: string;
  variables: readonly EnvironmentVariable[];
}

// The app layer knows the bot and the environments (features do not import each other) and hands the environment down.
const FormEnvironmentContext = createContext<FormEnvironment | null | undefined>(undefined);

const COMPLETION_LIST = 'env-variable-completion';

/**
 * `value`: undefined while loading, null when the bot has no environment. Its names complete `{$env.` in
 * the form's one-line text fields.
 */
export function FormEnvironmentProvider({ value, children }: { value: FormEnvironment | null | undefined; children: ReactNode }) {
  const names = value?.variables.map((variable) => variable.name) ?? [];
  return (
    <FormEnvironmentContext.Provider value={value}>
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

export const useFormEnvironment = () => useContext(FormEnvironmentContext);

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
  const values = useWatch() as Record<string, unknown>;
  const references = envReferencesOf(values);
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
