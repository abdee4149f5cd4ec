import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Check } from '../../../../domain/dialogs';
import { apiRequest } from '../../../lib/api-client';
import { botDialogKeys } from '../../../lib/bot-dialog-keys';

async function getChecks(botId: string, signal?: AbortSignal): Promise<Check[]> {
  return (await apiRequest<{ items: Check[] }>(`/api/bots/${encodeURIComponent(botId)}/checks`, { signal })).data.items;
}

export const checksQueryOptions = (botId: string) =>
  queryOptions({ queryKey: botDialogKeys.checks(botId), queryFn: ({ signal }) => getChecks(botId, signal) });

/** `enabled: false` holds the request back (pending) until what the screen shows first has been answered. */
export const useChecks = (botId: string, { enabled = true }: { enabled?: boolean } = {}) =>
  useQuery({ ...checksQueryOptions(botId), enabled });
