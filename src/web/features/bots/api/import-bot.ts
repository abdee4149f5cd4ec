import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bot } from '../../../../domain/bot';
import type { Integration } from '../../../../domain/integration';
import type { ImportPlan } from '../../../../domain/import-plan';
import { apiRequest } from '../../../lib/api-client';
import { botKeys } from './bot-keys';

export type { ImportPlan, ImportProblem } from '../../../../domain/import-plan';

export interface ImportedBot {
  bot: Bot;
  integrations: Integration[];
}

/** The plan of an import, nothing written. The file is sent as parsed JSON, exactly as read. */
export async function planBotImport(file: unknown, signal?: AbortSignal): Promise<ImportPlan> {
  return (await apiRequest<ImportPlan>('/api/bots/import?dryRun=true', { method: 'POST', body: file, signal })).data;
}

/**
 * Creates the bot and all its integrations, or nothing. `name`: the new bot's name instead of the file's
 * (a bot of the file's name exists and the user chose to import beside it).
 */
export async function importBot(file: unknown, name?: string): Promise<ImportedBot> {
  const query = name === undefined ? '' : `?${new URLSearchParams({ name })}`;
  return (await apiRequest<ImportedBot>(`/api/bots/import${query}`, { method: 'POST', body: file })).data;
}

export function useImportBot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, name }: { file: unknown; name?: string }) => importBot(file, name),
    onSuccess: async ({ bot }) => {
      client.setQueryData(botKeys.detail(bot.id), bot);
      // A new bot lands somewhere in a paged, sorted list: ask the server again.
      await client.invalidateQueries({ queryKey: botKeys.lists() });
    },
  });
}
