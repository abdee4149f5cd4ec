import { useEffect, useState, useSyncExternalStore, type ComponentType } from 'react';
import { subscribeToToastRequests, toastsRequested } from '../lib/notify';
import { whenIdle } from '../lib/when-idle';

const loadToaster = () => import('./toaster');

/**
 * Sonner stays off the first page, but its code is fetched once the page is idle, and the toaster is
 * rendered directly (not through React.lazy and Suspense, whose first reveal React may hold back
 * by up to 300 ms): the first "Saved" must show as fast as any other.
 */
export function ToastHost() {
  const needed = useSyncExternalStore(subscribeToToastRequests, toastsRequested, () => false);
  const [Toaster, setToaster] = useState<ComponentType | null>(null);

  useEffect(() => {
    const take = () =>
      void loadToaster()
        .then((module) => setToaster(() => module.default))
        // Without its chunk there are no toasts; every screen also shows its own state.
        .catch(() => undefined);
    if (needed) {
      take();
      return undefined;
    }
    return whenIdle(take);
  }, [needed]);

  return needed && Toaster ? <Toaster /> : null;
}
