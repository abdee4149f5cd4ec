import type { QueryClient } from '@tanstack/react-query';
import { whenIdle } from './when-idle';

/**
 * Runs a task once the screen has shown what the user came for: no query is fetching any more (its data
 * is in, and React renders it in the same task that hands it over), the next frame has been drawn, and
 * the browser is idle. Optional code (the toaster, Monaco, menus and tooltips) waits for this, so it is
 * never fetched ahead of, nor instead of, what the screen needs. Returns the cancel function, ready for a
 * useEffect cleanup.
 */
export function whenScreenSettled(client: QueryClient, task: () => void): () => void {
  let cancel: () => void = () => undefined;
  let done = false;
  const settled = () => client.isFetching() === 0;
  const afterFrame = () => {
    // Behind React's own commit of the data: TanStack Query hands results over in a timeout of its own.
    const frame = requestAnimationFrame(() => {
      const timer = setTimeout(() => {
        cancel = whenIdle(() => {
          done = true;
          task();
        });
      }, 0);
      cancel = () => clearTimeout(timer);
    });
    cancel = () => cancelAnimationFrame(frame);
  };
  if (settled()) {
    afterFrame();
  } else {
    const unsubscribe = client.getQueryCache().subscribe(() => {
      if (!settled()) return;
      unsubscribe();
      afterFrame();
    });
    cancel = unsubscribe;
  }
  return () => {
    if (!done) cancel();
  };
}
