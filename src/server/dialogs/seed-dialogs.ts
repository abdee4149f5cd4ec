import { eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { bots } from '../db/schema';
import { encodeExtras } from '../cb-export/stored-extras';
import { chatBotIdOf, extrasForPanelBot, loadBot } from './bot-dialogs-store';
import { keptArray, type BotIntegration } from './dialog-model';

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
    const loaded = await loadBot(tx, botId, true);
    const extras = loaded.extras ?? extrasForPanelBot(loaded);
    const { groups, interactions } = build(chatBotIdOf(loaded, extras), loaded.model.integrations);
    const topLevel = {
      ...extras.topLevel,
      groups: [...keptArray(extras, 'groups'), ...groups],
      conversationMessage: [...keptArray(extras, 'conversationMessage'), ...interactions],
    };
    await tx
      .update(bots)
      .set({ extras: encodeExtras({ ...extras, topLevel }) })
      .where(eq(bots.id, botId));
  });
}
