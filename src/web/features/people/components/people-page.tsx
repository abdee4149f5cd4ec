import { useId, useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH, ROLES, roleAllows, type Person, type Role } from '../../../../domain/people';
import { ActionFailure } from '../../../components/action-failure';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { isApiError } from '../../../lib/api-client';
import { describeFailure } from '../../../lib/failure';
import { useMe } from '../../../lib/me';
import { notify } from '../../../lib/notify';
import { useAddPerson, usePeople, useUpdatePerson, type AddedPerson } from '../api/people-api';
import { CopyOnce, When } from './copy-once';
import './people.css';

const EMPTY = { email: '', name: '', role: 'builder' as Role, password: '' };

function TextField({
  id,
  label,
  value,
  onChange,
  error,
  required,
  type = 'text',
  help,
  placeholder,
  autoComplete = 'off',
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  type?: 'text' | 'email' | 'password';
  help?: string;
  placeholder?: string;
  autoComplete?: string;
}) {
  const described = [error ? `${id}-error` : null, help ? `${id}-help` : null].filter(Boolean).join(' ');
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
        autoComplete={autoComplete}
        aria-required={required || undefined}
        aria-invalid={Boolean(error)}
        aria-describedby={described || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {help ? (
        <p className="field__help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function localErrors(values: typeof EMPTY): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors.email = 'Enter an email address such as ana@example.com.';
  if (!values.name.trim()) errors.name = 'Enter a name.';
  if (values.password && values.password.length < MIN_PASSWORD_LENGTH)
    errors.password = `A password has at least ${MIN_PASSWORD_LENGTH} characters.`;
  return errors;
}

function AddPersonForm() {
  const add = useAddPerson();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<AddedPerson | null>(null);
  const id = useId();
  const set = (key: keyof typeof EMPTY) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = localErrors(values);
    setErrors(found);
    const firstInvalid = Object.keys(found)[0];
    if (firstInvalid) {
      event.currentTarget.querySelector<HTMLInputElement>(`#${CSS.escape(`${id}-${firstInvalid}`)}`)?.focus();
      return;
    }
    add.mutate(
      {
        email: values.email.trim(),
        name: values.name.trim(),
        role: values.role,
        ...(values.password ? { password: values.password } : {}),
      },
      {
        onSuccess: (result) => {
          setAdded(result);
          setValues((current) => ({ ...EMPTY, role: current.role }));
          notify('success', `Added ${result.person.name}`);
        },
        onError: (failure) => setErrors(isApiError(failure) ? failure.fieldErrors : {}),
      },
    );
  };

  const serverFieldError = add.error && isApiError(add.error) && Object.keys(add.error.fieldErrors).length > 0;
  return (
    <section className="people-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Add a person</h2>
      <form onSubmit={submit} noValidate>
        <div className="people-form__fields">
          <TextField
            id={`${id}-email`}
            label="Email"
            type="email"
            required
            value={values.email}
            onChange={set('email')}
            error={errors.email}
            placeholder="ana@example.com"
          />
          <TextField
            id={`${id}-name`}
            label="Name"
            required
            value={values.name}
            onChange={set('name')}
            error={errors.name}
            placeholder="Ana Silva"
          />
          <div className="field">
            <label htmlFor={`${id}-role`} className="field__label">
              Role
            </label>
            <select id={`${id}-role`} className="select" value={values.role} onChange={(event) => set('role')(event.target.value)}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id={`${id}-password`}
            label="Password (optional)"
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={set('password')}
            error={errors.password}
            help="Without one, you get an invite link (valid 7 days) for the person to set their own."
          />
        </div>
        <div className="people-form__actions">
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add person'}
          </button>
        </div>
        {add.error && !serverFieldError ? <ActionFailure failure={describeFailure(add.error, 'add the person')} /> : null}
      </form>
      {added?.inviteUrl ? (
        <CopyOnce
          label={`Invite link for ${added.person.name}`}
          value={added.inviteUrl}
          note="Send it to them: it lets them set a password once, within 7 days. It is shown this once."
        />
      ) : added ? (
        <p className="note" role="status">
          {added.person.name} can sign in now with the password you gave.
        </p>
      ) : null}
    </section>
  );
}

function PersonRow({ person, isMe }: { person: Person; isMe: boolean }) {
  const update = useUpdatePerson();
  const id = useId();
  const change = (patch: { role?: Role; active?: boolean }, done: string) =>
    update.mutate({ id: person.id, patch }, { onSuccess: () => notify('success', done) });
  return (
    <li className={person.active ? 'people-list__item' : 'people-list__item people-list__item--inactive'}>
      <div className="people-list__main">
        <strong>{person.name}</strong>
        {isMe ? ' (you)' : null} {person.active ? null : <span className="pill pill--warning">Deactivated</span>}
        <span className="people-list__meta">
          {person.email} · added <When at={person.createdAt} />
        </span>
      </div>
      <div className="people-list__actions">
        <label htmlFor={`${id}-role`} className="visually-hidden">
          Role of {person.name}
        </label>
        <select
          id={`${id}-role`}
          className="select"
          value={person.role}
          // Your own admin role is taken away by another admin only (the API refuses it too).
          disabled={isMe || update.isPending}
          onChange={(event) => change({ role: event.target.value as Role }, `${person.name} is now ${event.target.value}`)}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
        {isMe ? null : person.active ? (
          <button
            type="button"
            className="button button--small button--danger-text"
            disabled={update.isPending}
            onClick={() => change({ active: false }, `Deactivated ${person.name}: their sessions and keys stopped`)}
          >
            Deactivate {person.name}
          </button>
        ) : (
          <button
            type="button"
            className="button button--small"
            disabled={update.isPending}
            onClick={() => change({ active: true }, `Reactivated ${person.name}`)}
          >
            Reactivate {person.name}
          </button>
        )}
      </div>
      {update.error ? <ActionFailure failure={describeFailure(update.error, `change ${person.name}`)} /> : null}
    </li>
  );
}

/** The People screen (admins): everyone who can sign in, their roles, and who is deactivated. */
export function PeoplePage() {
  const me = useMe();
  const isAdmin = me.data ? roleAllows(me.data.role, 'admin') : false;
  const people = usePeople(isAdmin);
  return (
    <div className="page page--narrow">
      <title>People · Integrations Panel</title>
      <div className="page__header">
        <h1>People</h1>
        <p className="page__lead">
          Who can sign in and what each may do: viewers read, builders also change bots, admins also manage people.
        </p>
      </div>
      {me.isPending ? (
        <LoadingState label="Loading the people" />
      ) : me.isError ? (
        <ErrorState title="Who you are could not be loaded" error={me.error} onRetry={() => void me.refetch()} />
      ) : !isAdmin ? (
        <EmptyState title="Only admins manage people">Ask an admin to add someone or change a role.</EmptyState>
      ) : (
        <>
          <AddPersonForm />
          <h2 className="visually-hidden">Everyone</h2>
          {people.isPending ? (
            <LoadingState label="Loading the people" />
          ) : people.isError ? (
            <ErrorState title="The people could not be loaded" error={people.error} onRetry={() => void people.refetch()} />
          ) : people.data.length === 0 ? (
            <EmptyState title="Nobody yet">Add the people of your team above.</EmptyState>
          ) : (
            <ul className="people-list" aria-label="People">
              {people.data.map((person) => (
                <PersonRow key={person.id} person={person} isMe={person.id === me.data.id} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
