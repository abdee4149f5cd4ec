import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bot } from '../../../../domain/bot';
import { apiRequest, etagOf } from '../../../lib/api-client';
import { botKeys } from './bot-keys';
import { updateBotsCache } from './update-bots-cache';
import { exportBot } from './export-bot';
import { importBot, type ImportedBot } from './import-bot';

async function deleteBot(bot: Pick<Bot, 'id' | 'version'>): Promise<void> {
  await apiRequest<void>(`/api/bots/${encodeURIComponent(bot.id)}`, { method: 'DELETE', ifMatch: etagOf(bot.version) });
}

/**
 * The bot's native export, read just before it is deleted: what Undo imports again. Kept in this tab only,
 * for the toast's lifetime; the server keeps no deleted bots.
 */
const copies = new Map<string, unknown>();

async function deleteBotKeepingCopy(bot: Pick<Bot, 'id' | 'version'>): Promise<void> {
  const copy = await exportBot(bot.id, 'native');
  const parsed: unknown = JSON.parse(await copy.blob.text());
  await deleteBot(bot);
  copies.set(bot.id, parsed);
}

/** Undo of a bot's delete: the copy imported again, a bot with the same name, integrations and dialogs (a new id). */
export async function undoBotDelete(botId: string): Promise<ImportedBot> {
  const copy = copies.get(botId);
  if (copy === undefined) throw new Error('This tab kept no copy of the bot to bring back.');
  const restored = await importBot(copy);
  copies.delete(botId);
  return restored;
}

export function useDeleteBot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteBotKeepingCopy,
    onSuccess: (_, bot) => {
      updateBotsCache(client, (items) => items.filter((item) => item.id !== bot.id));
      client.removeQueries({ queryKey: botKeys.detail(bot.id) });
    },
  });
}
