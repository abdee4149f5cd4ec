export interface SourceTiming {
  /** How long a list read from LivePerson is served without asking again. */
  freshMs: number;
  /** The wait after a first failure; it doubles with each failure in a row, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** How long the last good list may stand in while LivePerson fails. */
  staleMs: number;
}

export const SOURCE_TIMING: SourceTiming = { freshMs: 60_000, backoffMs: 1_000, maxBackoffMs: 60_000, staleMs: 10 * 60_000 };

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
