import { eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { bots } from '../db/schema';
import { encodeBotExtras } from '../cb-export/stored-extras';
import { writeDialogItems } from '../cb-export/dialog-items-store';
import { chatBotIdOf, extrasForPanelBot, loadBot } from './bot-dialogs-store';
import { keptArray, type BotIntegration } from './dialog-model';
import { createKeptFileCache } from './kept-file-cache';

type Json = Record<string, unknown>;

/**
 * Gives a bot made in the panel its first dialogs, written as a CB export writes them: a seed, so
 * the bot's version stays and no revision is recorded (it is the bot's first state, not a change).
 */
export async function seedDialogs(
  db: Database,
  botId: string,
  build: (chatBotId: string, integrations: BotIntegration[]) => { groups: Json[]; interactions: Json[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    // A cache of its own: the bot is new, and its version (the cache key) does not change here.
    const loaded = await loadBot(tx, createKeptFileCache(1), botId, true);
    const extras = loaded.extras ?? extrasForPanelBot(loaded);
    const { groups, interactions } = build(chatBotIdOf(loaded, extras), loaded.model.integrations);
    const topLevel = {
      ...extras.topLevel,
      groups: [...keptArray(extras, 'groups'), ...groups],
      conversationMessage: [...keptArray(extras, 'conversationMessage'), ...interactions],
    };
    const next = { ...extras, topLevel };
    const stored = encodeBotExtras(next);
    await tx.update(bots).set({ extras: stored.extras }).where(eq(bots.id, botId));
    await writeDialogItems(tx, botId, loaded.itemsApart ? loaded.extras : null, next, stored.items);
  });
}
