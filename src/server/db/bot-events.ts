import { sql } from 'drizzle-orm';
import type { Database } from './database';

/**
 * The write side of a bot's event stream. Most events need nothing here: triggers on the revision tables
 * record them (migration 0010_bot_events). What writes no revision, or many at once, says so itself.
 */

/** Inside a transaction: its revisions announce nothing (an import, which announces itself once instead). */
export async function quietEvents(tx: Database): Promise<void> {
  await tx.execute(sql`select set_config('app.quiet_events', 'on', true)`);
}

/** Records an event of the bot's stream inside the caller's transaction; every server hears it at commit. */
export async function recordBotEvent(tx: Database, botId: string, type: string, data: Record<string, unknown>): Promise<void> {
  await tx.execute(sql`select record_bot_event(${botId}::uuid, ${type}, ${JSON.stringify(data)}::jsonb)`);
}
