import { useRef, useState, type FormEvent } from 'react';
import type { DirectoryDescriptor } from '../../../../domain/directories/define-directory';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { notify } from '../../../lib/notify';
import { useCreateEntry } from '../api/directory-api';

/** The add form's values: the id (when people give it), each field, and a variant's fields and secrets. */
type Values = Record<string, string>;

function initialValues(directory: DirectoryDescriptor): Values {
  return Object.fromEntries(Object.entries(directory.fields).map(([key, field]) => [key, field.initial ?? field.default ?? '']));
}

/** One add form for every directory, drawn from its descriptor; the server checks it and names the field at fault. */
export function AddEntryForm({ directory }: { directory: DirectoryDescriptor }) {
  const { kind, noun, id: idField, fields, variants } = directory;
  const [values, setValues] = useState<Values>(() => initialValues(directory));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useCreateEntry(directory.path);
  const form = useRef<HTMLFormElement>(null);
  const set = (key: string, value: string) => setValues((current) => ({ ...current, [key]: value }));
  const shape = variants?.shapes[values[variants.by] ?? ''];
  const title = `Add ${noun}`;
  const titleId = `add-${kind}-title`;

  const body = (): Record<string, unknown> => {
    const input: Record<string, unknown> = Object.fromEntries(Object.keys(fields).map((key) => [key, values[key] ?? '']));
    const id = values.id?.trim();
    if (idField.given !== 'server' && id) input.id = id;
    if (shape) {
      input.fields = Object.fromEntries(shape.fields.map((key) => [key, values[`fields.${key}`] ?? '']));
      input.secrets = Object.fromEntries(
        shape.secrets.flatMap((key) => (values[`secrets.${key}`] ? [[key, values[`secrets.${key}`]]] : [])),
      );
    }
    return input;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setErrors({});
    mutation.mutate(body(), {
      onSuccess: (entry) => {
        notify('success', `Added ${entry.name}${idField.given === 'required' ? ` (${entry.id})` : ''}`);
        // The choices stay for the next entry (another credential of the same type); what was typed goes.
        setValues((current) => ({
          ...initialValues(directory),
          ...Object.fromEntries(Object.entries(fields).flatMap(([key, field]) => (field.options ? [[key, current[key] ?? '']] : []))),
        }));
        // Ready for the next entry.
        form.current?.querySelector('input')?.focus();
      },
      onError: (failure) => {
        setErrors(isApiError(failure) ? failure.fieldErrors : {});
        setProblem(errorMessage(failure));
      },
    });
  };

  const input = (key: string, props: { label: string; required?: boolean; help?: string; placeholder?: string; secret?: boolean }) => (
    <PlainInput
      key={key}
      id={`${kind}-${key.replace('.', '-')}`}
      name={key}
      value={values[key] ?? ''}
      onChange={(value) => set(key, value)}
      error={errors[key]}
      type={props.secret ? 'password' : 'text'}
      {...props}
    />
  );
  const idInput =
    idField.given === 'server'
      ? null
      : input('id', { label: idField.label, required: idField.given === 'required', help: idField.help, placeholder: idField.placeholder });

  return (
    <form ref={form} className="add-skill" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className="add-skill__title">
        {title}
      </h2>
      <div className="add-entry__fields">
        {idField.given === 'required' ? idInput : null}
        {Object.entries(fields).map(([key, field]) =>
          field.options ? (
            <PlainSelect
              key={key}
              id={`${kind}-${key}`}
              label={field.label}
              value={values[key] ?? ''}
              options={field.options}
              onChange={(value) => set(key, value)}
            />
          ) : (
            input(key, field)
          ),
        )}
        {idField.given === 'optional' ? idInput : null}
        {shape?.fields.map((key) => input(`fields.${key}`, { label: variants!.labels[key] ?? key }))}
        {shape?.secrets.map((key) =>
          input(`secrets.${key}`, {
            label: variants!.labels[key] ?? key,
            secret: true,
            help: 'Write-only: stored encrypted, never shown again.',
          }),
        )}
        <button type="submit" className="button button--primary add-skill__submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Adding…' : title}
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
  /** The field's path in the API's errors (`name`, `fields.tokenUrl`): the error's test id. */
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  type?: 'text' | 'password';
  placeholder?: string;
  help?: string;
}

function PlainInput({ id, name, label, value, onChange, error, required, type = 'text', placeholder, help }: InputProps) {
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
        <p className="field__error" id={errorId} data-testid={`error-${name}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function PlainSelect({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
