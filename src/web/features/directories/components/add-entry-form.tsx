import { useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { notify } from '../../../lib/notify';

interface AddEntryFormProps {
  title: string;
  submitLabel: string;
  pending: boolean;
  /** Sends the form; resolves with the added entry's name, or rejects with the API's error. */
  onSubmit: () => Promise<string>;
  onAdded: () => void;
  children: (errors: Record<string, string>) => ReactNode;
}

/** The frame every directory's add form shares: submit, the server's field errors and its problem line. */
export function AddEntryForm({ title, submitLabel, pending, onSubmit, onAdded, children }: AddEntryFormProps) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const titleId = `${title.replace(/\W+/g, '-').toLowerCase()}-title`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setErrors({});
    onSubmit().then(
      (name) => {
        notify('success', `Added ${name}`);
        onAdded();
      },
      (failure: unknown) => {
        setErrors(isApiError(failure) ? failure.fieldErrors : {});
        setProblem(errorMessage(failure));
      },
    );
  };
  return (
    <form className="add-skill" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className="add-skill__title">
        {title}
      </h2>
      <div className="add-entry__fields">
        {children(errors)}
        <button type="submit" className="button button--primary add-skill__submit" disabled={pending}>
          {pending ? 'Adding…' : submitLabel}
        </button>
      </div>
      {problem ? (
        <p className="field__error" role="alert" data-testid="add-entry-problem">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

interface InputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  type?: 'text' | 'password';
  placeholder?: string;
  help?: string;
}

export function PlainInput({ id, label, value, onChange, error, required, type = 'text', placeholder, help }: InputProps) {
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <div className="field__label-row">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        {required ? (
          <span className="field__asterisk" aria-hidden="true">
            *
          </span>
        ) : null}
      </div>
      <input
        id={id}
        className="input"
        type={type}
        value={value}
        placeholder={placeholder}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        aria-required={required || undefined}
        aria-invalid={Boolean(error)}
        aria-describedby={[errorId, helpId].filter(Boolean).join(' ') || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {help ? (
        <p className="field__help" id={helpId}>
          {help}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function PlainSelect<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (value: V) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value as V)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
