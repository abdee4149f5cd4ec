import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DialogView } from '../../../../domain/dialogs';
import { apiRequest } from '../../../lib/api-client';
import { botDialogKeys } from '../../../lib/bot-dialog-keys';

const botPath = (botId: string) => `/api/bots/${encodeURIComponent(botId)}`;

async function getDialogs(botId: string, signal?: AbortSignal): Promise<DialogView[]> {
  return (await apiRequest<{ items: DialogView[] }>(`${botPath(botId)}/dialogs`, { signal })).data.items;
}

export const dialogsQueryOptions = (botId: string) =>
  queryOptions({ queryKey: botDialogKeys.dialogs(botId), queryFn: ({ signal }) => getDialogs(botId, signal) });

export const useDialogs = (botId: string) => useQuery(dialogsQueryOptions(botId));
