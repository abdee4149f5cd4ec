import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Integration, IntegrationValues } from '../../../../domain/integration';
import { apiRequest, etagOf } from '../../../lib/api-client';
import { invalidateBotDialogs } from '../../../lib/bot-dialog-keys';
import { trackOwnWrite } from '../../../lib/own-writes';
import { integrationKeys } from './integration-keys';
import { integrationPath } from './integration-path';
import { upsertInListCache } from './update-integrations-cache';

interface UpdateIntegrationVariables {
  id: string;
  /** The version the edit started from: a newer one on the server answers 412. */
  version: number;
  input: IntegrationValues;
}

async function updateIntegration(botId: string, { id, version, input }: UpdateIntegrationVariables): Promise<Integration> {
  const write = apiRequest<Integration>(integrationPath(botId, id), { method: 'PUT', body: input, ifMatch: etagOf(version) });
  return trackOwnWrite(
    id,
    write.then((answer) => answer.data),
  );
}

export interface StoredCallback {
  /**
   * Called as soon as the server has stored it, before the caches take the new version; the caches
   * wait for the promise it returns, so what the user is told here is drawn ahead of the re-renders
   * of the list, the header and the form that those updates cause.
   */
  onStored?: (integration: Integration) => void | Promise<void>;
}

export function useUpdateIntegration(botId: string, { onStored }: StoredCallback = {}) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ request }: { request: Promise<Integration> }) => request,
    onSuccess: async (updated) => {
      await onStored?.(updated);
      client.setQueryData(integrationKeys.detail(botId, updated.id), updated);
      upsertInListCache(client, botId, updated);
      // Its custom data fields or its existence are what the checks and the usages read.
      void invalidateBotDialogs(client, botId);
    },
  });
  return {
    ...mutation,
    /**
     * Sends the PUT in the caller's own task, then lets the mutation follow it. Started by the mutation,
     * it would leave a few awaits later, after React has rendered what the submit changed in the form
     * (every field hears the form's errors), and the save would take that much longer.
     */
    send: (variables: UpdateIntegrationVariables) => mutation.mutateAsync({ request: updateIntegration(botId, variables) }),
  };
}
