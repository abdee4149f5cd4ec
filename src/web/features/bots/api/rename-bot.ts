import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bot, BotPatch } from '../../../../domain/bot';
import { apiRequest, etagOf } from '../../../lib/api-client';
import { botKeys } from './bot-keys';
import { updateBotsCache } from './update-bots-cache';

export async function patchBot(bot: Pick<Bot, 'id' | 'version'>, patch: BotPatch): Promise<Bot> {
  return (
    await apiRequest<Bot>(`/api/bots/${encodeURIComponent(bot.id)}`, {
      method: 'PATCH',
      body: patch,
      ifMatch: etagOf(bot.version),
    })
  ).data;
}

export function useRenameBot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ bot, name }: { bot: Bot; name: string }) => patchBot(bot, { name }),
    onSuccess: (updated) => {
      updateBotsCache(client, (items) => items.map((item) => (item.id === updated.id ? updated : item)));
      client.setQueryData(botKeys.detail(updated.id), updated);
    },
  });
}
