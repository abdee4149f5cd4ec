import { useMutation } from '@tanstack/react-query';
import type { Bot } from '../../../../domain/bot';
import { apiDownload, type ApiDownload } from '../../../lib/api-client';
import { saveFile } from '../../../lib/save-file';
import { downloadFileName } from '../../../../domain/file-names';

export type ExportFormat = 'cb' | 'native';

export async function exportBot(botId: string, format: ExportFormat): Promise<ApiDownload> {
  const params = new URLSearchParams({ format });
  return apiDownload(`/api/bots/${encodeURIComponent(botId)}/export?${params}`);
}

/** The server's file name when it sends one, else the bot's name. */
function exportFileName(bot: Pick<Bot, 'name'>, proposed: string | null): string {
  return proposed ?? downloadFileName(bot.name, 'json');
}

export function useExportBot() {
  return useMutation({
    mutationFn: async ({ bot, format }: { bot: Pick<Bot, 'id' | 'name'>; format: ExportFormat }) => {
      const file = await exportBot(bot.id, format);
      const fileName = exportFileName(bot, file.fileName);
      saveFile(file.blob, fileName);
      return fileName;
    },
  });
}
