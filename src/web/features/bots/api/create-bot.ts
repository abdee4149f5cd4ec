import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bot, BotInput } from '../../../../domain/bot';
import { apiRequest } from '../../../lib/api-client';
import { botKeys } from './bot-keys';
import { updateBotsCache } from './update-bots-cache';
import { compareNames } from '../../../../domain/natural-order';

async function createBot(input: BotInput): Promise<Bot> {
  return (await apiRequest<Bot>('/api/bots', { method: 'POST', body: input })).data;
}

export function useCreateBot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createBot,
    onSuccess: (bot) => {
      updateBotsCache(client, (items, pageIndex) => (pageIndex === 0 ? [...items, bot].sort(compareNames) : items));
      client.setQueryData(botKeys.detail(bot.id), bot);
    },
  });
}
