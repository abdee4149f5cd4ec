import { useId, useState, type FormEvent } from 'react';
import { ROLES, roleAllows, type ApiKeySummary, type Role } from '../../../../domain/people';
import { ActionFailure } from '../../../components/action-failure';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { describeFailure } from '../../../lib/failure';
import { useMe } from '../../../lib/me';
import { notify } from '../../../lib/notify';
import { useApiKeys, useCreateApiKey, useRevokeApiKey, type CreatedApiKey } from '../api/people-api';
import { CopyOnce, When } from './copy-once';
import './people.css';

const EXPIRIES = [
  { value: '', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

function CreateKeyForm({ myRole }: { myRole: Role }) {
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(myRole);
  const [expiry, setExpiry] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError('Name the key (what uses it), such as "QA e2e".');
      return;
    }
    setNameError(null);
    const expiresAt = expiry ? new Date(Date.now() + Number(expiry) * DAY_MS).toISOString() : undefined;
    create.mutate(
      { name: name.trim(), role, ...(expiresAt ? { expiresAt } : {}) },
      {
        onSuccess: (key) => {
          setCreated(key);
          setName('');
          notify('success', `Created the key ${key.name}`);
        },
        onError: (failure) => setNameError(isApiError(failure) ? (failure.fieldErrors.name ?? null) : null),
      },
    );
  };

  return (
    <section className="people-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Create an API key</h2>
      <form onSubmit={submit} noValidate>
        <div className="people-form__fields">
          <div className={nameError ? 'field field--invalid' : 'field'}>
            <div className="field__label-row">
              <label htmlFor={`${id}-name`} className="field__label">
                Name
              </label>
              <span className="field__asterisk" aria-hidden="true">
                *
              </span>
            </div>
            <input
              id={`${id}-name`}
              className="input"
              value={name}
              placeholder="QA e2e"
              autoComplete="off"
              aria-required
              aria-invalid={Boolean(nameError)}
              aria-describedby={nameError ? `${id}-name-error` : undefined}
              onChange={(event) => setName(event.target.value)}
            />
            {nameError ? (
              <p className="field__error" id={`${id}-name-error`} role="alert">
                {nameError}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`} className="field__label">
              Role
            </label>
            <select id={`${id}-role`} className="select" value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {ROLES.filter((candidate) => roleAllows(myRole, candidate)).map((candidate) => (
                <option key={candidate} value={candidate}>
                  {candidate}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-expiry`} className="field__label">
              Expires
            </label>
            <select id={`${id}-expiry`} className="select" value={expiry} onChange={(event) => setExpiry(event.target.value)}>
              {EXPIRIES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="people-form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create key'}
          </button>
        </div>
        {create.error && !nameError ? <ActionFailure failure={describeFailure(create.error, 'create the key')} /> : null}
      </form>
      {created ? (
        <CopyOnce
          label={`The key ${created.name}`}
          value={created.key}
          note="Copy it now: it is shown this once. Send it as Authorization: Bearer <key>."
        />
      ) : null}
    </section>
  );
}

function KeyRow({ apiKey, onRevoke }: { apiKey: ApiKeySummary; onRevoke: () => void }) {
  // As of when the row was drawn: a key that expires while the page is open says so on the next visit.
  const [now] = useState(Date.now);
  const expired = apiKey.expiresAt !== null && new Date(apiKey.expiresAt).getTime() < now;
  return (
    <li className="people-list__item">
      <div className="people-list__main">
        <strong>{apiKey.name}</strong> <span className="pill">{apiKey.role}</span>{' '}
        {expired ? <span className="pill pill--warning">Expired</span> : null}
        <span className="people-list__meta">
          {apiKey.start ? <>Starts {apiKey.start}… · </> : null}
          Created <When at={apiKey.createdAt} /> · Expires <When at={apiKey.expiresAt} never="never" /> · Last used{' '}
          <When at={apiKey.lastUsedAt} never="never" />
        </span>
      </div>
      <div className="people-list__actions">
        <button type="button" className="button button--small button--danger-text" onClick={onRevoke}>
          Revoke {apiKey.name}
        </button>
      </div>
    </li>
  );
}

/** The API keys screen: the person's keys, made here (the key shown once), with when each was last used. */
export function ApiKeysPage() {
  const me = useMe();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [revoking, setRevoking] = useState<ApiKeySummary | null>(null);
  return (
    <div className="page page--narrow">
      <title>API keys · Integrations Panel</title>
      <div className="page__header">
        <h1>API keys</h1>
        <p className="page__lead">
          Keys let scripts and QA call the API as you, with a role no higher than yours. Each is shown once when it is created.
        </p>
      </div>
      {me.data ? <CreateKeyForm myRole={me.data.role} /> : null}
      <h2 className="visually-hidden">Your keys</h2>
      {keys.isPending ? (
        <LoadingState label="Loading your API keys" />
      ) : keys.isError ? (
        <ErrorState title="Your API keys could not be loaded" error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyState title="No API keys yet">Create one for each script or test suite, so each can be revoked alone.</EmptyState>
      ) : (
        <ul className="people-list" aria-label="Your API keys">
          {keys.data.map((apiKey) => (
            <KeyRow key={apiKey.id} apiKey={apiKey} onRevoke={() => setRevoking(apiKey)} />
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => {
          if (!open) {
            setRevoking(null);
            revoke.reset();
          }
        }}
        title={`Revoke ${revoking?.name ?? ''}?`}
        description="Whatever uses this key stops working at once. This cannot be undone."
        confirmLabel="Revoke"
        danger
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : null}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notify('success', `Revoked ${revoking.name}`);
              setRevoking(null);
            },
          })
        }
      />
    </div>
  );
}
