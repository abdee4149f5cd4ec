import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { notify } from '../../../lib/notify';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { useCreateBot } from '../api/create-bot';
import { paths } from '../../../../domain/screen-routes';

export function CreateBotForm() {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mutation = useCreateBot();
  const navigate = useNavigate();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Bot name is required.');
      return;
    }
    mutation.mutate(
      { name: name.trim(), description: '' },
      {
        onSuccess: (bot) => {
          notify('success', `Created ${bot.name}`);
          setName('');
          void navigate(paths.integrations(bot.id));
        },
        onError: (failure) =>
          setError(isApiError(failure) ? (failure.fieldErrors.name ?? failure.problem.detail) : errorMessage(failure)),
      },
    );
  };

  return (
    <form className="create-bot" onSubmit={submit} noValidate aria-label="Create a bot">
      <label htmlFor="new-bot-name" className="field__label">
        New bot
      </label>
      <div className="create-bot__row">
        <input
          id="new-bot-name"
          className="input"
          placeholder="Bot name, e.g. Billing Bot"
          value={name}
          maxLength={100}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'new-bot-name-error' : undefined}
          onChange={(event) => {
            setName(event.target.value);
            if (event.target.value.trim()) setError(null);
          }}
        />
        <button type="submit" className="button button--primary" disabled={mutation.isPending}>
          Create bot
        </button>
      </div>
      {error ? (
        <p className="field__error" id="new-bot-name-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
