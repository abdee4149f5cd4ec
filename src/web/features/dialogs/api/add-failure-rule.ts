import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FailureRuleInput } from '../../../../domain/dialogs';
import { apiRequest } from '../../../lib/api-client';
import { invalidateBotDialogs } from '../../../lib/bot-dialog-keys';

async function addFailureRule(botId: string, input: FailureRuleInput): Promise<{ textInteractionId: string }> {
  return (
    await apiRequest<{ textInteractionId: string }>(`/api/bots/${encodeURIComponent(botId)}/dialogs/failure-rule`, {
      method: 'POST',
      body: input,
    })
  ).data;
}

export function useAddFailureRule(botId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: FailureRuleInput) => addFailureRule(botId, input),
    // The flow draws the new text and the coverage row turns green: both are asked again.
    onSuccess: () => invalidateBotDialogs(client, botId),
  });
}
