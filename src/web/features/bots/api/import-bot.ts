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

/** Creates the bot and all its integrations, or nothing. */
export async function importBot(file: unknown): Promise<ImportedBot> {
  return (await apiRequest<ImportedBot>('/api/bots/import', { method: 'POST', body: file })).data;
}

export function useImportBot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: importBot,
    onSuccess: async ({ bot }) => {
      client.setQueryData(botKeys.detail(bot.id), bot);
      // A new bot lands somewhere in a paged, sorted list: ask the server again.
      await client.invalidateQueries({ queryKey: botKeys.lists() });
    },
  });
}
