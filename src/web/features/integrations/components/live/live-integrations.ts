import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { listenToBot } from '../../../../lib/bot-events';
import { invalidateBotDialogs } from '../../../../lib/bot-dialog-keys';
import { isOwnWrite } from '../../../../lib/own-writes';
import { integrationKeys } from '../../api/integration-keys';

/** How long a row saved elsewhere stays marked in the list. */
const HIGHLIGHT_MS = 2_500;

/** Integrations changed by an event a moment ago, by id (the list marks them); a new Set at each change. */
let changedNow: ReadonlySet<string> = new Set();
const changedAt = new Map<string, number>();
const subscribers = new Set<() => void>();
const changed = () => {
  changedNow = new Set(changedAt.keys());
  subscribers.forEach((notify) => notify());
};

function mark(id: string): void {
  changedAt.set(id, Date.now());
  changed();
  setTimeout(() => {
    if (Date.now() - (changedAt.get(id) ?? 0) >= HIGHLIGHT_MS - 50) changedAt.delete(id);
    changed();
  }, HIGHLIGHT_MS);
}

/** The integrations the list should mark as just changed (saved, renamed, restored, created elsewhere). */
export function useJustChanged(): ReadonlySet<string> {
  return useSyncExternalStore(
    (notify) => {
      subscribers.add(notify);
      return () => subscribers.delete(notify);
    },
    () => changedNow,
  );
}

/**
 * Keeps the panel current while it is open: an integration event refreshes the list (and marks the row),
 * anything that changes what the dialogs answer refreshes the checks and usages, and `resync` everything.
 */
export function useLiveIntegrations(botId: string): void {
  const client = useQueryClient();
  useEffect(
    () =>
      listenToBot(botId, async (event) => {
        // This tab's own save: its caches hold the result already.
        const { integrationId, version } = event.data;
        if (event.type === 'integration.saved' && typeof integrationId === 'string' && (await isOwnWrite(integrationId, Number(version))))
          return;
        if (event.type.startsWith('integration.') || event.type === 'bot.imported' || event.type === 'resync') {
          void client.invalidateQueries({ queryKey: integrationKeys.lists(botId) });
        }
        if (event.type.startsWith('integration.') && typeof event.data.integrationId === 'string' && event.type !== 'integration.deleted') {
          mark(event.data.integrationId);
        }
        if (event.type !== 'presence') void invalidateBotDialogs(client, botId);
      }),
    [botId, client],
  );
}
