import type { QueryClient } from '@tanstack/react-query';

/**
 * Query keys of what the server reads from a bot's dialogs: the dialogs, the checks, the transfer
 * coverage and each integration's usages. Shared because several features change what they answer (a rename, a
 * delete, a save of custom data fields, an added dialog) while the dialogs feature shows them.
 */
export const botDialogKeys = {
  all: (botId: string) => ['bot-dialogs', botId] as const,
  dialogs: (botId: string) => [...botDialogKeys.all(botId), 'dialogs'] as const,
  checks: (botId: string) => [...botDialogKeys.all(botId), 'checks'] as const,
  usages: (botId: string, integrationId: string) => [...botDialogKeys.all(botId), 'usages', integrationId] as const,
  transferCoverage: (botId: string) => [...botDialogKeys.all(botId), 'transfer-coverage'] as const,
};

/** After any change to the bot's integrations or dialogs: everything read from them is asked again when shown. */
export function invalidateBotDialogs(client: QueryClient, botId: string): Promise<void> {
  return client.invalidateQueries({ queryKey: botDialogKeys.all(botId) });
}
