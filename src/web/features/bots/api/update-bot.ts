import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bot, BotPatch } from '../../../../domain/bot';
import { apiRequest, etagOf } from '../../../lib/api-client';
import { botKeys } from './bot-keys';
import { updateBotsCache } from './update-bots-cache';

async function patchBot(bot: Pick<Bot, 'id' | 'version'>, patch: BotPatch): Promise<Bot> {
  return (
    await apiRequest<Bot>(`/api/bots/${encodeURIComponent(bot.id)}`, {
      method: 'PATCH',
      body: patch,
      ifMatch: etagOf(bot.version),
    })
  ).data;
}

/** Name and description of a bot, with If-Match: a stale version is refused (412), never overwritten. */
export function useUpdateBot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ bot, patch }: { bot: Bot; patch: BotPatch }) => patchBot(bot, patch),
    onSuccess: (updated) => {
      updateBotsCache(client, (items) => items.map((item) => (item.id === updated.id ? updated : item)));
      client.setQueryData(botKeys.detail(updated.id), updated);
    },
  });
}
