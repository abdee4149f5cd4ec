import type { Bot } from '../../../../domain/bot';
import { ConfirmDeleteDialog } from '../../../components/confirm-delete-dialog';
import { useDeleteBot } from '../api/delete-bot';
import { EditBotDialog } from './edit-bot-dialog';

export type BotAction = { kind: 'edit' | 'delete'; bot: Bot } | null;

/** Loaded on the first click: the dialogs' code stays out of the first page. */
export default function BotDialogs({ action, onClose }: { action: BotAction; onClose: () => void }) {
  const deletion = useDeleteBot();
  const deleting = action?.kind === 'delete' ? action.bot : null;
  return (
    <>
      <EditBotDialog bot={action?.kind === 'edit' ? action.bot : null} onClose={onClose} />
      <ConfirmDeleteDialog
        item={deleting}
        noun="bot"
        description={<p>The bot and all its integrations are deleted. This cannot be undone.</p>}
        mutation={deletion}
        onClose={onClose}
      />
    </>
  );
}
