import type { QueryClient } from '@tanstack/react-query';
import { whenIdle } from './when-idle';

/**
 * Loads that come before the screen's optional code (see holdScreenSettled). Module-wide, like the page's
 * network: two screens open at once share it.
 */
const holds = new Set<symbol>();
const holdsReleased = new Set<() => void>();

/** A hold that nobody releases (a load that hangs) stops holding after this long: optional code still comes. */
const HOLD_LIMIT_MS = 10_000;

/**
 * Puts the screen's optional code (whenScreenSettled) behind a load the user waits for once the screen is
 * usable, the form's editor: both would fetch and run at once otherwise, on the same few connections and
 * the same main thread, and Monaco (about 1 MB) would be ready only after menus, tooltips and side sections
 * it outweighs. Returns the release function; releasing twice is harmless.
 */
export function holdScreenSettled(limitMs = HOLD_LIMIT_MS): () => void {
  const hold = Symbol('screen-settled hold');
  holds.add(hold);
  const release = () => {
    clearTimeout(limit);
    if (!holds.delete(hold) || holds.size > 0) return;
    [...holdsReleased].forEach((listener) => listener());
  };
  const limit = setTimeout(release, limitMs);
  return release;
}

export interface SettledOptions {
  /**
   * false for what the user may reach for as soon as the screen shows (the rows' menus, the export menu,
   * and what Save needs: the form's checks and the toaster): it does not also wait for the editor
   * (holdScreenSettled).
   */
  behindHolds?: boolean;
}

/**
 * Runs a task once the screen has shown what the user came for: no query is fetching any more (its data
 * is in, and React renders it in the same task that hands it over), no load the screen holds it for is
 * pending (holdScreenSettled), the next frame has been drawn, and the browser is idle. Optional code (the
 * toaster, menus and tooltips, the form's side sections) waits for this, so it is never fetched ahead of,
 * nor instead of, what the screen needs. Returns the cancel function, ready for a useEffect cleanup.
 */
export function whenScreenSettled(client: QueryClient, task: () => void, { behindHolds = true }: SettledOptions = {}): () => void {
  let cancel: () => void = () => undefined;
  let done = false;
  const settled = () => client.isFetching() === 0 && (!behindHolds || holds.size === 0);
  // Settled is asked again at every step: a query or a hold that starts meanwhile (the form mounting
  // under a header that was already settled) sends the task back to waiting.
  const whenSettled = (next: () => void) => {
    if (settled()) {
      next();
      return;
    }
    const check = () => {
      if (!settled()) return;
      stopWatching();
      next();
    };
    const unsubscribe = client.getQueryCache().subscribe(check);
    holdsReleased.add(check);
    const stopWatching = () => {
      unsubscribe();
      holdsReleased.delete(check);
    };
    cancel = stopWatching;
  };
  const afterFrame = () => {
    // Behind React's own commit of the data: TanStack Query hands results over in a timeout of its own.
    const frame = requestAnimationFrame(() => {
      const timer = setTimeout(() => {
        if (!settled()) return whenSettled(afterFrame);
        cancel = whenIdle(() => {
          if (!settled()) return whenSettled(afterFrame);
          done = true;
          task();
        });
      }, 0);
      cancel = () => clearTimeout(timer);
    });
    cancel = () => cancelAnimationFrame(frame);
  };
  whenSettled(afterFrame);
  return () => {
    if (!done) cancel();
  };
}
