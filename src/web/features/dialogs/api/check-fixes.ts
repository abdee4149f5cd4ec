import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InteractionView } from '../../../../domain/dialogs';
import type { Integration, IntegrationSummary, IntegrationValues } from '../../../../domain/integration';
import type { Page } from '../../../../domain/page';
import type { DeletedIntegration } from '../../../../domain/revision';
import { apiRequest, etagOf } from '../../../lib/api-client';
import { botDialogKeys, invalidateBotDialogs } from '../../../lib/bot-dialog-keys';

/*
 * What the one-click fixes of the checks read and write. Each goes through the API the rest of the app
 * uses for the same change (restore of a deleted integration, the integration's PUT), so a fix is the
 * same revision a person would have made by hand.
 */

const botPath = (botId: string) => `/api/bots/${encodeURIComponent(botId)}`;
const LIMIT = 500;

/** The bot's deleted integrations and its present ones: what a missing integration can be restored from or replaced with. */
export function useFixChoices(botId: string) {
  const deleted = useQuery({
    queryKey: [...botDialogKeys.all(botId), 'fix', 'deleted-integrations'],
    queryFn: async ({ signal }) =>
      (await apiRequest<{ items: DeletedIntegration[] }>(`${botPath(botId)}/deleted-integrations`, { signal })).data.items,
    staleTime: 0,
  });
  const present = useQuery({
    queryKey: [...botDialogKeys.all(botId), 'fix', 'integrations'],
    queryFn: async ({ signal }) =>
      (await apiRequest<Page<IntegrationSummary>>(`${botPath(botId)}/integrations?limit=${LIMIT}`, { signal })).data.items,
    staleTime: 0,
  });
  return { deleted, present };
}

/** The deleted integration a missing one is: the same id, else the same name (imported bots name it by its CB id). */
export function matchDeleted(
  deleted: readonly DeletedIntegration[],
  invokes: { id?: string; name?: string },
): DeletedIntegration | undefined {
  return (
    deleted.find((item) => item.id === invokes.id) ??
    deleted.find((item) => invokes.name !== undefined && item.name.toLowerCase() === invokes.name.toLowerCase())
  );
}

/** Reads an integration with its version: what the custom data field fix previews and sends back as If-Match. */
export function useIntegrationForFix(botId: string, integrationId: string) {
  return useQuery({
    queryKey: [...botDialogKeys.all(botId), 'fix', 'integration', integrationId],
    queryFn: async ({ signal }) =>
      (await apiRequest<Integration>(`${botPath(botId)}/integrations/${encodeURIComponent(integrationId)}`, { signal })).data,
    staleTime: 0,
  });
}

/** The integration's values as its PUT takes them. */
function valuesOf(integration: Integration): IntegrationValues {
  const { id: _id, botId: _botId, createdAt: _c, updatedAt: _u, version: _v, ...values } = integration;
  return values as IntegrationValues;
}

export type CheckFixAction =
  | { kind: 'restore'; target: DeletedIntegration }
  | { kind: 'repoint'; dialogId: string; interactionId: string; etag: string; integrationId: string }
  | { kind: 'add-custom-field'; integration: Integration; key: string; value: string };

async function applyFix(botId: string, action: CheckFixAction): Promise<unknown> {
  switch (action.kind) {
    case 'restore':
      return apiRequest<Integration>(
        `${botPath(botId)}/integrations/${encodeURIComponent(action.target.id)}/revisions/${action.target.restoreVersion}/restore`,
        { method: 'POST', ifMatch: etagOf(action.target.deletedVersion) },
      );
    case 'repoint':
      return apiRequest<InteractionView>(
        `${botPath(botId)}/dialogs/${encodeURIComponent(action.dialogId)}/interactions/${encodeURIComponent(action.interactionId)}/integration`,
        { method: 'PUT', body: { integrationId: action.integrationId }, ifMatch: action.etag },
      );
    case 'add-custom-field': {
      const values = valuesOf(action.integration);
      const customDataFields = [...values.customDataFields, { key: action.key, value: action.value }];
      return apiRequest<Integration>(`${botPath(botId)}/integrations/${encodeURIComponent(action.integration.id)}`, {
        method: 'PUT',
        body: { ...values, customDataFields },
        ifMatch: etagOf(action.integration.version),
      });
    }
  }
}

/** Applies a fix; the checks, dialogs and every list of the bot's integrations are asked again. */
export function useApplyCheckFix(botId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: CheckFixAction) => applyFix(botId, action),
    onSuccess: async () => {
      // The integrations feature's list, form and Recently deleted (its keys start so; features do not share code).
      void client.invalidateQueries({ queryKey: ['integrations', botId] });
      await invalidateBotDialogs(client, botId);
    },
  });
}

/** The interaction to re-point as the server has it now, with the bot's ETag (its If-Match). */
export function useInteractionForFix(botId: string, dialogId: string, interactionId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...botDialogKeys.all(botId), 'fix', 'interaction', dialogId, interactionId],
    queryFn: async ({ signal }) => {
      const answer = await apiRequest<InteractionView>(
        `${botPath(botId)}/dialogs/${encodeURIComponent(dialogId)}/interactions/${encodeURIComponent(interactionId)}`,
        { signal },
      );
      return { interaction: answer.data, etag: answer.etag ?? '' };
    },
    staleTime: 0,
    enabled,
  });
}
