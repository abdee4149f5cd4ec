import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DialogView } from '../../../../domain/dialogs';
import { apiRequest } from '../../../lib/api-client';
import { invalidateBotDialogs } from '../../../lib/bot-dialog-keys';

async function addSampleDialogs(botId: string): Promise<DialogView[]> {
  return (await apiRequest<{ items: DialogView[] }>(`/api/bots/${encodeURIComponent(botId)}/dialogs/samples`, { method: 'POST' })).data
    .items;
}

export function useAddSampleDialogs(botId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => addSampleDialogs(botId),
    // The screen draws the dialogs, the checks judge them, the integrations' usages count them.
    onSuccess: () => invalidateBotDialogs(client, botId),
  });
}
