import { notify } from '../../../lib/notify';
import type { Bot } from '../../../../domain/bot';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { errorMessage } from '../../../lib/api-client';
import { useDeleteBot } from '../api/delete-bot';
import { RenameBotDialog } from './rename-bot-dialog';

export type BotAction = { kind: 'rename' | 'delete'; bot: Bot } | null;

/** Loaded on the first click: the dialogs' code stays out of the first page. */
export default function BotDialogs({ action, onClose }: { action: BotAction; onClose: () => void }) {
  const deletion = useDeleteBot();
  const deleting = action?.kind === 'delete' ? action.bot : null;
  return (
    <>
      <RenameBotDialog bot={action?.kind === 'rename' ? action.bot : null} onClose={onClose} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => {
          if (open) return;
          deletion.reset();
          onClose();
        }}
        title={`Delete ${deleting?.name ?? 'bot'}?`}
        description={<p>The bot and all its integrations are deleted. This cannot be undone.</p>}
        confirmLabel="Delete"
        danger
        pending={deletion.isPending}
        error={deletion.error ? errorMessage(deletion.error) : null}
        onConfirm={() => {
          if (!deleting) return;
          deletion.mutate(deleting, {
            onSuccess: () => {
              notify('success', `Deleted ${deleting.name}`);
              deletion.reset();
              onClose();
            },
          });
        }}
      />
    </>
  );
}
