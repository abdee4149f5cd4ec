import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DialogView, EscalationFailureInput } from '../../../../domain/dialogs';
import { apiRequest } from '../../../lib/api-client';
import { invalidateBotDialogs } from '../../../lib/bot-dialog-keys';

async function addFailureDialog(botId: string, input: EscalationFailureInput): Promise<DialogView> {
  return (
    await apiRequest<DialogView>(`/api/bots/${encodeURIComponent(botId)}/dialogs/escalation-failure`, { method: 'POST', body: input })
  ).data;
}

export function useAddFailureDialog(botId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EscalationFailureInput) => addFailureDialog(botId, input),
    // The checks turn to pass and the dialogs screen draws the new dialog; both are asked again.
    onSuccess: () => invalidateBotDialogs(client, botId),
  });
}
