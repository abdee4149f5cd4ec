import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgentTransferInput, InteractionView } from '../../../../domain/dialogs';
import { apiRequest } from '../../../lib/api-client';
import { botDialogKeys, invalidateBotDialogs } from '../../../lib/bot-dialog-keys';

/** An interaction and the ETag of the bot's dialogs it was read at: what its edit sends as If-Match. */
export interface EditableInteraction {
  interaction: InteractionView;
  etag: string;
}

const interactionPath = (botId: string, dialogId: string, interactionId: string) =>
  `/api/bots/${encodeURIComponent(botId)}/dialogs/${encodeURIComponent(dialogId)}/interactions/${encodeURIComponent(interactionId)}`;

async function getInteraction(botId: string, dialogId: string, interactionId: string, signal?: AbortSignal): Promise<EditableInteraction> {
  const { data, etag } = await apiRequest<InteractionView>(interactionPath(botId, dialogId, interactionId), { signal });
  return { interaction: data, etag: etag ?? '' };
}

const interactionQueryOptions = (botId: string, dialogId: string, interactionId: string) =>
  queryOptions({
    queryKey: [...botDialogKeys.all(botId), 'interaction', dialogId, interactionId],
    queryFn: ({ signal }) => getInteraction(botId, dialogId, interactionId, signal),
    // The form starts from what the server has now, not from a copy another tab's save made stale.
    staleTime: 0,
  });

export const useInteraction = (botId: string, dialogId: string, interactionId: string) =>
  useQuery(interactionQueryOptions(botId, dialogId, interactionId));

async function patchAgentTransfer(
  botId: string,
  dialogId: string,
  interactionId: string,
  etag: string,
  input: AgentTransferInput,
): Promise<EditableInteraction> {
  const { data, etag: next } = await apiRequest<InteractionView>(interactionPath(botId, dialogId, interactionId), {
    method: 'PATCH',
    body: input,
    ifMatch: etag,
  });
  return { interaction: data, etag: next ?? '' };
}

/** Saves an Agent Transfer with If-Match: a stale version is refused (412), never overwritten. */
export function useEditAgentTransfer(botId: string, dialogId: string, interactionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, input }: { etag: string; input: AgentTransferInput }) =>
      patchAgentTransfer(botId, dialogId, interactionId, etag, input),
    onSuccess: (saved) => {
      client.setQueryData(interactionQueryOptions(botId, dialogId, interactionId).queryKey, saved);
      // The flow, the checks and the coverage read the same file.
      void invalidateBotDialogs(client, botId);
    },
  });
}
