import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { Environment, EnvironmentVariableInput } from '../../../../domain/environments';
import { paths } from '../../../../domain/screen-routes';
import { ActionFailure } from '../../../components/action-failure';
import { ConfirmDeleteDialog } from '../../../components/confirm-delete-dialog';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { describeFailure } from '../../../lib/failure';
import { Link } from '../../../lib/history-router';
import { notify } from '../../../lib/notify';
import { useReadOnlyReason } from '../../../lib/me';
import { useCreateEnvironment, useDeleteEnvironment, useEnvironments, useUpdateEnvironment } from '../api/environments-api';
import './environments.css';

interface VariableRow {
  name: string;
  value: string;
  secret: boolean;
  /** A stored secret has a value the browser never sees: an empty field keeps it. */
  set: boolean;
}

const rowsOf = (environment: Environment): VariableRow[] =>
  environment.variables.map((variable) =>
    variable.secret
      ? { name: variable.name, value: '', secret: true, set: variable.set }
      : { name: variable.name, value: variable.value, secret: false, set: false },
  );

/** A secret left empty keeps its stored value (the API's rule); a plain value is sent as typed. */
const inputOf = (row: VariableRow): EnvironmentVariableInput =>
  row.secret && row.value === ''
    ? { name: row.name.trim(), secret: true }
    : { name: row.name.trim(), value: row.value, secret: row.secret };

function VariablesForm({ environment, readOnly }: { environment: Environment; readOnly: boolean }) {
  const update = useUpdateEnvironment();
  const { register, control, handleSubmit, reset, formState } = useForm<{ variables: VariableRow[] }>({
    values: { variables: rowsOf(environment) },
  });
  const { fields, append, remove } = useFieldArray({ control, name: 'variables' });
  const rows = useWatch({ control, name: 'variables' });
  const save = handleSubmit(({ variables }) =>
    update.mutate(
      { environment, patch: { variables: variables.filter((row) => row.name.trim() !== '').map(inputOf) } },
      {
        onSuccess: (saved) => {
          notify('success', `Saved ${saved.name}`);
          reset({ variables: rowsOf(saved) });
        },
      },
    ),
  );
  const base = `environment-${environment.id}`;
  return (
    <form onSubmit={save} aria-label={`Variables of ${environment.name}`}>
      <fieldset className="form-fields" disabled={readOnly}>
        <table className="env-grid">
          <caption className="visually-hidden">Variables of {environment.name}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">Secret</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field, index) => {
              const row = rows[index];
              const secret = row?.secret ?? field.secret;
              return (
                <tr key={field.id}>
                  <td>
                    <input
                      className="input"
                      aria-label={`Variable ${index + 1} name`}
                      placeholder="SKILL_ID"
                      spellCheck={false}
                      {...register(`variables.${index}.name`)}
                    />
                  </td>
                  <td>
                    <input
                      className="input"
                      aria-label={`Variable ${index + 1} value`}
                      type={secret ? 'password' : 'text'}
                      autoComplete="off"
                      placeholder={secret ? (field.set ? 'Set: type to replace' : 'Not set') : '1234567890'}
                      {...register(`variables.${index}.value`)}
                    />
                    {secret ? (
                      <span className={`pill pill--${field.set ? 'success' : 'warning'}`} data-testid={`${base}-secret-${index}`}>
                        {field.set ? 'Set' : 'Not set'}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <input type="checkbox" aria-label={`Variable ${index + 1} is secret`} {...register(`variables.${index}.secret`)} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--small button--danger-text"
                      aria-label={`Remove variable ${index + 1}`}
                      onClick={() => remove(index)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
      {readOnly ? null : (
        <div className="env-card__actions">
          <button type="button" className="button button--small" onClick={() => append({ name: '', value: '', secret: false, set: false })}>
            Add variable
          </button>
          <button type="submit" className="button button--primary button--small" disabled={update.isPending || !formState.isDirty}>
            {update.isPending ? 'Saving…' : `Save ${environment.name}`}
          </button>
        </div>
      )}
      {update.error ? <ActionFailure failure={describeFailure(update.error, `save ${environment.name}`)} /> : null}
    </form>
  );
}

function AddEnvironmentForm() {
  const create = useCreateEnvironment();
  const { register, handleSubmit, reset } = useForm<{ name: string }>({ defaultValues: { name: '' } });
  const add = handleSubmit(({ name }) =>
    create.mutate(
      { name },
      {
        onSuccess: (created) => {
          notify('success', `Added ${created.name}`);
          reset();
        },
      },
    ),
  );
  return (
    <form className="env-add" onSubmit={add} aria-label="Add environment">
      <label htmlFor="environment-name" className="field__label">
        Environment name
      </label>
      <input id="environment-name" className="input" placeholder="Production" {...register('name')} />
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        Add environment
      </button>
      {create.error ? <ActionFailure failure={describeFailure(create.error, 'add the environment')} /> : null}
    </form>
  );
}

/** The Environments screen: each environment's variables in a grid, secrets as set or not set, and the bots that use it. */
export function EnvironmentsPage() {
  const query = useEnvironments();
  const deletion = useDeleteEnvironment();
  const [deleting, setDeleting] = useState<Environment | null>(null);
  const readOnly = useReadOnlyReason('builder');
  const deleteMutation = {
    mutate: (environment: Environment, options: { onSuccess: () => void }) =>
      deletion.mutate({ environment, force: environment.usedBy.length > 0 }, options),
    reset: deletion.reset,
    isPending: deletion.isPending,
    error: deletion.error,
  };
  return (
    <div className="page">
      <title>Environments · Integrations Panel</title>
      <div className="page__header">
        <h1>Environments</h1>
        <p className="page__lead">
          The values {'{$env.NAME}'} takes in the bots that use each environment. Secret values are stored encrypted and never shown again.
        </p>
      </div>
      {readOnly ? (
        <p className="note" data-testid="read-only-reason">
          {readOnly}
        </p>
      ) : (
        <AddEnvironmentForm />
      )}
      {query.isPending ? (
        <LoadingState label="Loading the environments" />
      ) : query.isError ? (
        <ErrorState title="The environments could not be loaded" error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyState title="No environments yet">Add one for each stage your bots go through, then point bots at it.</EmptyState>
      ) : (
        query.data.map((environment) => (
          <section key={environment.id} className="env-card" aria-labelledby={`environment-${environment.id}-title`}>
            <div className="env-card__header">
              <h2 id={`environment-${environment.id}-title`}>{environment.name}</h2>
              {readOnly ? null : (
                <button type="button" className="button button--small button--danger-text" onClick={() => setDeleting(environment)}>
                  Delete {environment.name}
                </button>
              )}
            </div>
            {environment.description ? <p>{environment.description}</p> : null}
            <p className="env-card__bots">
              {environment.usedBy.length === 0 ? (
                'No bot uses it.'
              ) : (
                <>
                  Used by{' '}
                  {environment.usedBy.map((bot, index) => (
                    <span key={bot.id}>
                      {index > 0 ? ', ' : ''}
                      <Link to={paths.integrations(bot.id)}>{bot.name}</Link>
                    </span>
                  ))}
                </>
              )}
            </p>
            <VariablesForm environment={environment} readOnly={readOnly !== null} />
          </section>
        ))
      )}
      <ConfirmDeleteDialog
        item={deleting}
        noun="environment"
        description={
          deleting?.usedBy.length
            ? `${deleting.usedBy.map((bot) => bot.name).join(', ')} will be left without an environment.`
            : 'Its variables are deleted with it.'
        }
        mutation={deleteMutation}
        onClose={() => setDeleting(null)}
      />
    </div>
  );
}
