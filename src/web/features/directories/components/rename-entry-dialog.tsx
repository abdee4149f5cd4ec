import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { notify } from '../../../lib/notify';
import { DialogFormActions } from '../../../components/dialog-form-actions';
import { useReturnFocus } from '../../../components/return-focus';
import type { DirectoryDescriptor } from '../../../../domain/directories/define-directory';
import type { DirectoryEntry } from '../../../../domain/directories/directory-usage';
import { useUpdateEntry } from '../api/directory-api';

interface RenameEntryDialogProps {
  directory: DirectoryDescriptor;
  entry: DirectoryEntry | null;
  onClose: () => void;
}

/** Rename keeps the id, so the integrations that use the entry keep using it. */
export function RenameEntryDialog({ directory, entry, onClose }: RenameEntryDialogProps) {
  const { noun } = directory;
  const open = entry !== null;
  const onCloseAutoFocus = useReturnFocus(open);
  return (
    <Dialog.Root open={open} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" onCloseAutoFocus={onCloseAutoFocus}>
          <Dialog.Title className="dialog__title">Rename {noun}</Dialog.Title>
          <Dialog.Description className="dialog__description">
            {entry ? `It keeps its id (${entry.id}); the integrations that use it follow the new name.` : null}
          </Dialog.Description>
          {entry ? <RenameForm key={entry.id} directory={directory} entry={entry} onDone={onClose} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function RenameForm({ directory, entry, onDone }: { directory: DirectoryDescriptor; entry: DirectoryEntry; onDone: () => void }) {
  const { kind, noun } = directory;
  const [name, setName] = useState(entry.name);
  const mutation = useUpdateEntry(directory.path);
  const [problem, setProblem] = useState<string | null>(null);
  const id = `rename-${kind}-name`;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) {
          setProblem(`The ${noun} needs a name.`);
          return;
        }
        setProblem(null);
        mutation.mutate(
          { entry, patch: { name } },
          {
            onSuccess: (renamed) => {
              notify('success', `Renamed to ${renamed.name}`);
              onDone();
            },
            onError: (failure) =>
              setProblem(isApiError(failure) && failure.fieldErrors.name ? failure.fieldErrors.name : errorMessage(failure)),
          },
        );
      }}
    >
      <div className={problem ? 'field field--invalid' : 'field'}>
        <label htmlFor={id} className="field__label">
          {directory.fields.name?.label ?? 'Name'}
        </label>
        <input
          id={id}
          className="input"
          autoComplete="off"
          value={name}
          aria-invalid={Boolean(problem)}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      {problem ? (
        <p className="dialog__error" role="alert">
          {problem}
        </p>
      ) : null}
      <DialogFormActions submitLabel="Rename" pending={mutation.isPending} />
    </form>
  );
}
