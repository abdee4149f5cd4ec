import type { Bot } from '../../../../domain/bot';
import { ConfirmDeleteDialog } from '../../../components/confirm-delete-dialog';
import { useQueryClient } from '@tanstack/react-query';
import { undoBotDelete, useDeleteBot } from '../api/delete-bot';
import { botKeys } from '../api/bot-keys';
import { EditBotDialog } from './edit-bot-dialog';

export type BotAction = { kind: 'edit' | 'delete'; bot: Bot } | null;

/** Loaded on the first click: the dialogs' code stays out of the first page. */
export default function BotDialogs({ action, onClose }: { action: BotAction; onClose: () => void }) {
  const deletion = useDeleteBot();
  const client = useQueryClient();
  const deleting = action?.kind === 'delete' ? action.bot : null;
  return (
    <>
      <EditBotDialog bot={action?.kind === 'edit' ? action.bot : null} onClose={onClose} />
      <ConfirmDeleteDialog
        item={deleting}
        noun="bot"
        description={
          <p>
            The bot and all its integrations are deleted. Undo, in the message that follows, brings them back with the dialogs under a new
            address; their history is not kept.
          </p>
        }
        mutation={deletion}
        onClose={onClose}
        undo={async (bot) => {
          await undoBotDelete(bot.id);
          // The bot comes back somewhere in a paged, sorted list: ask the server again.
          await client.invalidateQueries({ queryKey: botKeys.lists() });
        }}
      />
    </>
  );
}
