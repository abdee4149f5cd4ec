import { Dialog } from 'radix-ui';
import { INTEGRATION_TYPE_NAMES } from '../../../../../domain/integration-types/type-names';
import type { DeletedIntegration } from '../../../../../domain/revision';
import { useReturnFocus } from '../../../../components/return-focus';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states';
import { describeFailure } from '../../../../lib/failure';
import { notify } from '../../../../lib/notify';
import { useDeletedIntegrations, useRestoreDeletedIntegration } from '../../api/deleted-integrations';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface RecentlyDeletedDialogProps {
  botId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** The bot's deleted integrations, each back with one click, as it was last saved and under its own id. */
export default function RecentlyDeletedDialog({ botId, open, onOpenChange }: RecentlyDeletedDialogProps) {
  const onCloseAutoFocus = useReturnFocus(open);
  const query = useDeletedIntegrations(botId, open);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" onCloseAutoFocus={onCloseAutoFocus}>
          <Dialog.Title className="dialog__title">Recently deleted</Dialog.Title>
          <Dialog.Description className="dialog__description">
            Deleted integrations of this bot are kept for at least 30 days. Restore brings one back as it was last saved, so the dialogs
            that used it find it again.
          </Dialog.Description>
          {query.isPending ? (
            <LoadingState label="Loading the deleted integrations…" shape="list" />
          ) : query.isError ? (
            <ErrorState title="Could not load the deleted integrations" error={query.error} onRetry={() => void query.refetch()} />
          ) : query.data.length === 0 ? (
            <EmptyState title="Nothing deleted." />
          ) : (
            <ul className="deleted-list" aria-label="Deleted integrations">
              {query.data.map((item) => (
                <DeletedRow key={item.id} botId={botId} item={item} onRestored={() => onOpenChange(false)} />
              ))}
            </ul>
          )}
          <div className="dialog__actions">
            <Dialog.Close className="button">Close</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function DeletedRow({ botId, item, onRestored }: { botId: string; item: DeletedIntegration; onRestored: () => void }) {
  const restore = useRestoreDeletedIntegration(botId);
  const failure = restore.error ? describeFailure(restore.error, `restore ${item.name}`) : null;
  return (
    <li className="deleted-list__item">
      <span className="deleted-list__name">{item.name}</span>
      <span className="deleted-list__meta">
        {INTEGRATION_TYPE_NAMES[item.type].displayName} · deleted {timeFormat.format(new Date(item.deletedAt))}
      </span>
      <button
        type="button"
        className="button"
        aria-label={`Restore ${item.name}`}
        disabled={restore.isPending}
        onClick={() =>
          restore.mutate(item, {
            onSuccess: (restored) => {
              notify('success', `Restored ${restored.name}`);
              onRestored();
            },
          })
        }
      >
        {restore.isPending ? 'Restoring…' : 'Restore'}
      </button>
      {failure ? (
        <p className="deleted-list__error" role="alert">
          {failure.kind === 'request' && failure.detail ? `${failure.title}: ${failure.detail}` : failure.title}
        </p>
      ) : null}
    </li>
  );
}
