import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { upstreamLists } from '../db/schema';
import { upstreamFailed } from '../errors';

export interface SourceTiming {
  /** How long a list read from LivePerson is served without asking again. */
  freshMs: number;
  /** The wait after a first failure; it doubles with each failure in a row, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** How long the last good list may stand in while LivePerson fails. */
  staleMs: number;
}

const SOURCE_TIMING: SourceTiming = { freshMs: 60_000, backoffMs: 1_000, maxBackoffMs: 60_000, staleMs: 10 * 60_000 };

/**
 * A LivePerson list as the routes read it (the same policy as the skill directory's): pickers look entries
 * up on every keystroke, so upstream is asked at most once per freshMs, requests that arrive while it is
 * being asked share that one call, and after a failure nobody asks again until the back-off has passed
 * (the last good list, or the same error, answers meanwhile).
 */
export function createCachedSource<T>(
  load: () => Promise<T[]>,
  timing: SourceTiming = SOURCE_TIMING,
  now: () => number = Date.now,
): () => Promise<T[]> {
  let good: { at: number; items: T[] } | null = null;
  let failure: { until: number; error: unknown; inARow: number } | null = null;
  let inFlight: Promise<T[]> | null = null;

  const lastGood = (): T[] | null => (good && now() - good.at <= timing.staleMs ? good.items : null);

  function refresh(): Promise<T[]> {
    inFlight ??= load()
      .then(
        (items) => {
          good = { at: now(), items };
          failure = null;
          return items;
        },
        (error: unknown) => {
          const inARow = (failure?.inARow ?? 0) + 1;
          failure = { until: now() + Math.min(timing.maxBackoffMs, timing.backoffMs * 2 ** (inARow - 1)), error, inARow };
          const stale = lastGood();
          if (stale) return stale;
          throw error;
        },
      )
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  return async () => {
    if (good && now() - good.at <= timing.freshMs) return good.items;
    if (failure && now() < failure.until) {
      const stale = lastGood();
      if (stale) return stale;
      throw failure.error;
    }
    return refresh();
  };
}

/** The row of one directory of one account: servers set up for another account or host never serve this list. */
export const sharedListName = (directory: string, service: { accountId: string; domain: string }) =>
  `${directory} ${service.accountId}@${service.domain}`;

interface SharedListStore {
  db: Database;
  /** The row this list is kept in (one per directory). */
  source: string;
}

// Longer than any upstream read may take (liveperson-fetch caps its time well below this), so a lease
// ends by itself only when its server died while it was refreshing.
const LEASE_MS = 30_000;
// How often a server without a list looks again while another one holds the lease.
const LEASE_POLL_MS = 50;

const seconds = (ms: number) => sql`make_interval(secs => ${ms / 1000})`;

/** A list read from LivePerson as the cluster keeps it, with when it was read. */
export interface SharedList<T> {
  items: T[];
  fetchedAt: Date;
  /** Its age by the database's clock when it was read out, so that servers whose clocks differ agree. */
  ageMs: number;
  /** Older than freshMs: LivePerson could not be read again meanwhile (failing, backing off, or being asked right now). */
  stale: boolean;
}

/**
 * The same policy for a whole cluster: the list is kept in the database (upstream_lists), so every server
 * answers the same list and upstream is asked once per freshMs by the one server that takes the refresh
 * lease (one conditional upsert); the others serve the stored list, or wait for the first one. A failed
 * refresh keeps the last good list (up to staleMs old) and backs off for every server at once.
 */
export function createSharedCachedSource<T>(
  store: SharedListStore,
  load: () => Promise<T[]>,
  timing: SourceTiming = SOURCE_TIMING,
): () => Promise<SharedList<T>> {
  const { db, source } = store;
  const holder = randomUUID();
  let inFlight: Promise<SharedList<T>> | null = null;
  const listOf = (row: { items: unknown; fetchedAt: Date | null; ageMs: number | null }): SharedList<T> => {
    const ageMs = Math.max(0, row.ageMs ?? 0);
    return { items: row.items as T[], fetchedAt: row.fetchedAt ?? new Date(), ageMs, stale: ageMs > timing.freshMs };
  };
  const ageMs = sql<number | null>`(extract(epoch from now() - ${upstreamLists.fetchedAt}) * 1000)::float8`;

  const readRow = async () => {
    const [row] = await db
      .select({
        items: upstreamLists.items,
        leased: sql<boolean>`coalesce(${upstreamLists.leaseUntil} > now(), false)`,
        backingOff: sql<boolean>`coalesce(${upstreamLists.retryAt} > now(), false)`,
        stale: sql<boolean>`coalesce(${upstreamLists.fetchedAt} < now() - ${seconds(timing.staleMs)}, true)`,
        // Measured by the database's clock, as every server's is, so servers whose clocks differ agree.
        ageMs,
        fetchedAt: upstreamLists.fetchedAt,
        lastError: upstreamLists.lastError,
      })
      .from(upstreamLists)
      .where(eq(upstreamLists.source, source));
    return row;
  };

  const takeLease = async (): Promise<boolean> => {
    const taken = await db
      .insert(upstreamLists)
      .values({ source, leaseHolder: holder, leaseUntil: sql`now() + ${seconds(LEASE_MS)}` })
      .onConflictDoUpdate({
        target: upstreamLists.source,
        set: { leaseHolder: holder, leaseUntil: sql`now() + ${seconds(LEASE_MS)}` },
        setWhere: sql`(${upstreamLists.leaseUntil} is null or ${upstreamLists.leaseUntil} <= now())
          and (${upstreamLists.fetchedAt} is null or ${upstreamLists.fetchedAt} <= now() - ${seconds(timing.freshMs)})
          and (${upstreamLists.retryAt} is null or ${upstreamLists.retryAt} <= now())`,
      })
      .returning({ source: upstreamLists.source });
    return taken.length > 0;
  };

  const mine = and(eq(upstreamLists.source, source), eq(upstreamLists.leaseHolder, holder));

  const refresh = async (): Promise<SharedList<T>> => {
    let items: T[];
    try {
      items = await load();
    } catch (error) {
      const [row] = await db
        .update(upstreamLists)
        .set({
          failures: sql`${upstreamLists.failures} + 1`,
          retryAt: sql`now() + make_interval(secs => least(${timing.maxBackoffMs / 1000}, ${timing.backoffMs / 1000} * power(2, ${upstreamLists.failures})))`,
          lastError: error instanceof Error ? error.message : String(error),
          leaseHolder: null,
          leaseUntil: null,
        })
        .where(mine)
        .returning({
          items: upstreamLists.items,
          stale: sql<boolean>`coalesce(${upstreamLists.fetchedAt} < now() - ${seconds(timing.staleMs)}, true)`,
          fetchedAt: upstreamLists.fetchedAt,
          ageMs,
        });
      if (row?.items && !row.stale) return listOf(row);
      throw error;
    }
    const [stored] = await db
      .update(upstreamLists)
      .set({ items, fetchedAt: sql`now()`, failures: 0, retryAt: null, lastError: null, leaseHolder: null, leaseUntil: null })
      .where(mine)
      .returning({ fetchedAt: upstreamLists.fetchedAt });
    return { items, fetchedAt: stored?.fetchedAt ?? new Date(), ageMs: 0, stale: false };
  };

  const read = async (): Promise<SharedList<T>> => {
    for (;;) {
      const row = await readRow();
      if (row?.items && row.ageMs !== null && row.ageMs <= timing.freshMs) return listOf(row);
      if (!row?.leased && !row?.backingOff && (await takeLease())) return refresh();
      if (row?.items && !row.stale) return listOf(row);
      if (row?.backingOff && !row.leased) throw upstreamFailed(row.lastError ?? 'The LivePerson API did not answer.');
      // Another server is asking upstream for the first list: wait for it rather than ask again.
      await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
    }
  };

  return async () => {
    inFlight ??= read().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}
