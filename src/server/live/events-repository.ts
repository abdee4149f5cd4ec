import { sql } from 'drizzle-orm';
import type { Database } from '../db/database';

/** One event of a bot's stream as stored in bot_events; `id` is the SSE event id. */
export interface StoredEvent {
  id: number;
  botId: string;
  type: string;
  data: Record<string, unknown>;
}

/** How far back Last-Event-ID is honoured, and how long rows are kept (a little longer, so the boundary is exact). */
const REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;
const KEPT_MS = REPLAY_WINDOW_MS + 60 * 60 * 1000;
/** More missed events than this and the client is better off reloading. */
const MAX_REPLAYED = 1_000;

interface EventRow extends Record<string, unknown> {
  id: string | number;
  bot_id: string;
  type: string;
  data: Record<string, unknown> | string;
}

const toEvent = (row: EventRow): StoredEvent => ({
  id: Number(row.id),
  botId: row.bot_id,
  type: row.type,
  data: typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data,
});

const rowsOf = <Row>(result: unknown): Row[] => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows);

export function createEventsRepository(db: Database) {
  return {
    /** The newest event id of any bot: a new stream's starting point, so its first Last-Event-ID is meaningful. */
    async latestId(): Promise<number> {
      const [row] = rowsOf<{ id: string | number | null }>(await db.execute(sql`select max(id) as id from bot_events`));
      return Number(row?.id ?? 0);
    },

    /**
     * The bot's events after `afterId`, or 'resync' when they cannot all be given: `afterId` is no longer
     * stored (older than the window, or pruned) or too many were missed.
     */
    async after(botId: string, afterId: number): Promise<StoredEvent[] | 'resync'> {
      if (afterId > 0) {
        const [mark] = rowsOf<{ fresh: boolean }>(
          await db.execute(
            sql`select created_at > now() - make_interval(secs => ${REPLAY_WINDOW_MS / 1000}) as fresh from bot_events where id = ${afterId}`,
          ),
        );
        if (!mark?.fresh) return 'resync';
      }
      const rows = rowsOf<EventRow>(
        await db.execute(sql`select id, bot_id, type, data from bot_events
          where bot_id = ${botId} and id > ${afterId} and created_at > now() - make_interval(secs => ${REPLAY_WINDOW_MS / 1000})
          order by id limit ${MAX_REPLAYED + 1}`),
      );
      return rows.length > MAX_REPLAYED ? 'resync' : rows.map(toEvent);
    },

    /** An event whose NOTIFY came without its data (too large for a notification). */
    async byId(id: number): Promise<StoredEvent | undefined> {
      const [row] = rowsOf<EventRow>(await db.execute(sql`select id, bot_id, type, data from bot_events where id = ${id}`));
      return row && toEvent(row);
    },

    /** Deletes what no client may ask for any more; any server may run it, the rows are the same. */
    async prune(): Promise<void> {
      await db.execute(sql`delete from bot_events where created_at < now() - make_interval(secs => ${KEPT_MS / 1000})`);
    },
  };
}
