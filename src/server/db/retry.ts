import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Row locks, taken in this order by every write path, so that no two writes wait on each other in a cycle:
 *
 * 1. the bot row: `FOR NO KEY UPDATE` by a write that changes the bot's integrations as a whole (create,
 *    delete, rename, dialogs), `FOR KEY SHARE` by a save of one integration (its statement takes it first),
 *    `FOR UPDATE` only by the bot's own DELETE (which removes its key);
 * 2. the integration rows;
 * 3. the revision rows, which are only inserted.
 *
 * `NO KEY UPDATE` rather than `UPDATE` on the bot: the foreign keys of integrations and revisions take
 * `KEY SHARE` on it, which `FOR UPDATE` blocks; a rename holding `FOR UPDATE` while waiting for an
 * integration row that a PUT held while waiting for its revision's key share was a deadlock.
 *
 * What still fails for reasons of concurrency alone (a serialization failure, a deadlock the order cannot
 * rule out, such as with a statement run by hand) is tried again here, a few times, from the start.
 */

/** serialization_failure and deadlock_detected: the transaction was rolled back and may simply run again. */
const RETRYABLE_CODES = new Set(['40001', '40P01']);

/** Attempts in all, the first included. */
const CONFLICT_ATTEMPTS = 3;

/** Whether the error (or one it wraps: drizzle puts the driver's in `cause`) says: roll back and try again. */
function isRetryableConflict(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Runs `work` (a whole transaction, or one statement outside any) again when the database rolled it back
 * for a conflict with a concurrent one, after a short random pause so the two do not meet again in step.
 * Never call it inside a transaction: there the failure has aborted the transaction it would run in.
 */
export async function retryConflicts<T>(work: () => Promise<T>, attempts = CONFLICT_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      await sleep(5 * attempt + Math.random() * 20 * attempt);
    }
  }
}

/**
 * The database with every outermost `transaction()` run through retryConflicts. A transaction opened inside
 * another (`tx.transaction`, a savepoint) is not retried on its own: its failure belongs to the outer one.
 */
export function retryingTransactions<D extends { transaction(...args: never[]): Promise<unknown> }>(db: D): D {
  const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  db.transaction = ((...args: unknown[]) => retryConflicts(() => transaction(...args))) as D['transaction'];
  return db;
}
