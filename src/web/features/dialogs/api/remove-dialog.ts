import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DialogView } from '../../../../domain/dialogs';
import { apiRequest, etagOf } from '../../../lib/api-client';
import { invalidateBotDialogs } from '../../../lib/bot-dialog-keys';

const dialogPath = (botId: string, dialogId: string) => `/api/bots/${encodeURIComponent(botId)}/dialogs/${encodeURIComponent(dialogId)}`;

/**
 * Removes a dialog the panel added. Its If-Match is the bot's version as the server has it now: the dialogs
 * on screen are a copy, and the removal of this one dialog does not depend on the rest of them.
 */
async function removeDialog(botId: string, dialogId: string): Promise<void> {
  const { version } = (await apiRequest<{ version: number }>(`/api/bots/${encodeURIComponent(botId)}`)).data;
  await apiRequest<null>(dialogPath(botId, dialogId), { method: 'DELETE', ifMatch: etagOf(version) });
}

/** Puts a removed dialog back as it was (the toast's Undo). */
async function restoreDialog(botId: string, dialogId: string): Promise<DialogView> {
  return (await apiRequest<DialogView>(`${dialogPath(botId, dialogId)}/restore`, { method: 'POST' })).data;
}

export function useRemoveDialog(botId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (dialog: Pick<DialogView, 'id' | 'name'>) => removeDialog(botId, dialog.id),
    // The flow, the list and the checks read the same file.
    onSuccess: () => invalidateBotDialogs(client, botId),
  });
}

export function useRestoreDialog(botId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (dialog: Pick<DialogView, 'id'>) => restoreDialog(botId, dialog.id),
    onSuccess: () => invalidateBotDialogs(client, botId),
  });
}
