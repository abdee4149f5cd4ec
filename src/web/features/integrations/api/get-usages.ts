import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Usage } from '../../../../domain/dialogs';
import { apiRequest } from '../../../lib/api-client';
import { botDialogKeys } from '../../../lib/bot-dialog-keys';
import { integrationPath } from './integration-path';

async function getUsages(botId: string, integrationId: string, signal?: AbortSignal): Promise<Usage[]> {
  return (await apiRequest<{ items: Usage[] }>(`${integrationPath(botId, integrationId)}/usages`, { signal })).data.items;
}

const usagesQueryOptions = (botId: string, integrationId: string) =>
  queryOptions({ queryKey: botDialogKeys.usages(botId, integrationId), queryFn: ({ signal }) => getUsages(botId, integrationId, signal) });

/** Where the bot uses an integration; `enabled` false asks nothing (a closed dialog). */
export const useUsages = (botId: string, integrationId: string | null, enabled = true) =>
  useQuery({ ...usagesQueryOptions(botId, integrationId ?? ''), enabled: enabled && integrationId !== null });
