import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Bot } from '../../../../domain/bot';
import { apiRequest } from '../../../lib/api-client';
import { apiReads } from '../../../../domain/first-reads';
import { botKeys } from './bot-keys';

async function getBot(botId: string, signal?: AbortSignal): Promise<Bot> {
  return (await apiRequest<Bot>(apiReads.bot(botId), { signal })).data;
}

export const botQueryOptions = (botId: string) =>
  queryOptions({ queryKey: botKeys.detail(botId), queryFn: ({ signal }) => getBot(botId, signal) });

export const useBot = (botId: string) => useQuery(botQueryOptions(botId));
