import { useEffect, useMemo, type ReactNode } from 'react';
import { describeFailure } from '../lib/failure';
import { notify } from '../lib/notify';
import { ActionFailure } from './action-failure';
import { ConfirmDialog } from './confirm-dialog';

/** The parts of a delete mutation (React Query's useMutation) the dialog drives. */
interface DeleteMutation<Item> {
  // Method syntax on purpose: a mutation that takes less than the whole item (its id and version) fits.
  mutate(item: Item, options: { onSuccess: () => void }): void;
  reset(): void;
  isPending: boolean;
  error: Error | null;
}

interface ConfirmDeleteDialogProps<Item extends { name: string }> {
  /** What is to be deleted; null keeps the dialog closed. */
  item: Item | null;
  /** The kind of thing, for the title while no item is set ("bot", "skill"). */
  noun: string;
  description: ReactNode;
  /** The delete mutation: the dialog shows its pending state and its error, and resets it on close. */
  mutation: DeleteMutation<NoInfer<Item>>;
  onClose: () => void;
  /** After a confirmed delete succeeded and the dialog closed. */
  onDeleted?: (item: Item) => void;
  /** Brings the item back: the toast that says it was deleted offers Undo. */
  undo?: (item: Item) => Promise<unknown>;
}

/** Undo from the toast: the item is back, or the toast says why not (a name taken meanwhile, the server away). */
async function undoDelete<Item extends { name: string }>(item: Item, undo: (item: Item) => Promise<unknown>): Promise<void> {
  try {
    await undo(item);
    notify('success', `Restored ${item.name}`);
  } catch (error) {
    const failure = describeFailure(error, `restore ${item.name}`);
    notify('error', failure.kind === 'request' && failure.detail ? `${failure.title}: ${failure.detail}` : failure.title);
  }
}

/** "Delete X?" with the consequences spelled out; the item goes only after an explicit confirm. */
export function ConfirmDeleteDialog<Item extends { name: string }>({
  item,
  noun,
  description,
  mutation,
  onClose,
  onDeleted,
  undo,
}: ConfirmDeleteDialogProps<Item>) {
  const close = () => {
    mutation.reset();
    onClose();
  };
  const confirm = () => {
    if (!item) return;
    mutation.mutate(item, {
      onSuccess: () => {
        notify('success', `Deleted ${item.name}`, undo ? { label: 'Undo', onClick: () => void undoDelete(item, undo) } : undefined);
        close();
        onDeleted?.(item);
      },
    });
  };
  // Where the user is looking, and in a toast: "Cannot reach the server" (retry), "The server failed" (retry),
  // or the server's reason (a 409: the item is in use), which no retry changes.
  const name = item?.name;
  // One per failed attempt (the error object is new each time), so the message takes the focus once.
  const failure = useMemo(
    () => (mutation.error && name ? describeFailure(mutation.error, `delete ${name}`) : null),
    [mutation.error, name],
  );
  useEffect(() => {
    if (failure) notify('error', failure.title);
  }, [failure]);
  return (
    <ConfirmDialog
      open={item !== null}
      onOpenChange={(open) => !open && close()}
      title={`Delete ${item?.name ?? noun}?`}
      description={description}
      confirmLabel="Delete"
      danger
      pending={mutation.isPending}
      failure={
        failure ? (
          <ActionFailure
            failure={failure}
            testId="delete-failure"
            onRetry={failure.kind === 'request' ? undefined : confirm}
            retrying={mutation.isPending}
          />
        ) : null
      }
      onConfirm={confirm}
    />
  );
}
