import type { History, Location, Transition } from 'history';

/** A navigation held back by a blocker, waiting for the user's answer. */
export interface BlockedNavigation {
  /** Where the user wanted to go. */
  readonly location: Location;
  /** Goes there after all; the blocker stays armed for later navigations. Staying needs no call: the navigation never happened. */
  proceed(): void;
}

export type ShouldBlock = (navigation: { currentLocation: Location; nextLocation: Location }) => boolean;

/**
 * Holds back the navigations `shouldBlock` picks (in-app pushes and replaces, back and forward) and hands each to
 * `onBlocked`; all others go through unchanged. While armed, closing or reloading the tab gets the browser's
 * beforeunload prompt: history adds that listener with the first blocker and removes it with the last, so there is
 * one prompt and it lasts exactly as long as something is blocked. Returns the function that disarms.
 */
export function blockNavigation(
  history: History,
  shouldBlock: ShouldBlock,
  onBlocked: (navigation: BlockedNavigation) => void,
): () => void {
  let disarmed = false;
  let unblock = history.block(hold);
  let stopWaiting = () => {};

  function hold(transition: Transition) {
    if (shouldBlock({ currentLocation: history.location, nextLocation: transition.location })) {
      onBlocked({ location: transition.location, proceed: () => pass(transition) });
    } else {
      pass(transition);
    }
  }

  // history holds back every transition while any blocker is registered, and a retried one meets the blockers again.
  // So to let one through, step aside until it has landed: back/forward land on a later popstate, not during retry().
  function pass(transition: Transition) {
    if (disarmed) return transition.retry();
    unblock();
    stopWaiting();
    stopWaiting = history.listen(() => {
      stopWaiting();
      stopWaiting = () => {};
      if (!disarmed) unblock = history.block(hold);
    });
    transition.retry();
  }

  return () => {
    disarmed = true;
    stopWaiting();
    unblock();
  };
}
