import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bot } from '../../../../domain/bot';
import { apiRequest, etagOf } from '../../../lib/api-client';
import { botKeys } from './bot-keys';
import { updateBotsCache } from './update-bots-cache';

export async function deleteBot(bot: Pick<Bot, 'id' | 'version'>): Promise<void> {
  await apiRequest<void>(`/api/bots/${encodeURIComponent(bot.id)}`, { method: 'DELETE', ifMatch: etagOf(bot.version) });
}

export function useDeleteBot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteBot,
    onSuccess: (_, bot) => {
      updateBotsCache(client, (items) => items.filter((item) => item.id !== bot.id));
      client.removeQueries({ queryKey: botKeys.detail(bot.id) });
    },
  });
}
