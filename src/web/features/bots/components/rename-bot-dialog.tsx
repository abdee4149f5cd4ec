import { Dialog } from 'radix-ui';
import { useState, type FormEvent } from 'react';
import type { Bot } from '../../../../domain/bot';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { useRenameBot } from '../api/rename-bot';
import { DialogFormActions } from '../../../components/dialog-form-actions';

interface RenameBotDialogProps {
  bot: Bot | null;
  onClose: () => void;
}

export function RenameBotDialog({ bot, onClose }: RenameBotDialogProps) {
  return (
    <Dialog.Root open={bot !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title className="dialog__title">Rename bot</Dialog.Title>
          <Dialog.Description className="dialog__description">The name shows in the bots list and the panel.</Dialog.Description>
          {bot ? <RenameForm key={bot.id} bot={bot} onDone={onClose} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function RenameForm({ bot, onDone }: { bot: Bot; onDone: () => void }) {
  const [name, setName] = useState(bot.name);
  const [error, setError] = useState<string | null>(null);
  const mutation = useRenameBot();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('Bot name is required.');
      return;
    }
    mutation.mutate(
      { bot, name: name.trim() },
      {
        onSuccess: onDone,
        onError: (failure) =>
          setError(isApiError(failure) ? (failure.fieldErrors.name ?? failure.problem.detail) : errorMessage(failure)),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="rename-bot-name" className="field__label">
          Bot name
        </label>
        <input
          id="rename-bot-name"
          className="input"
          value={name}
          maxLength={100}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'rename-bot-error' : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {error ? (
          <p className="field__error" id="rename-bot-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <DialogFormActions submitLabel="Rename" pending={mutation.isPending} />
    </form>
  );
}
