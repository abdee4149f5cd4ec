import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore, type ComponentType } from 'react';
import { subscribeToToastRequests, toastsRequested } from '../lib/notify';
import { whenScreenSettled } from '../lib/screen-settled';

const loadToaster = () => import('./toaster');

/**
 * Sonner stays off the first page, but its code is fetched once the screen has shown its data and the
 * page is idle (never ahead of what the screen needs), and the toaster is mounted as soon as it is
 * here, directly (not through React.lazy and Suspense, whose first reveal React may hold back by up
 * to 300 ms): the first "Saved" must show as fast as any other, not wait for the toaster to mount.
 */
export function ToastHost() {
  const needed = useSyncExternalStore(subscribeToToastRequests, toastsRequested, () => false);
  const [Toaster, setToaster] = useState<ComponentType | null>(null);
  const client = useQueryClient();

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
    // Not behind the form's editor: "Saved" right after the editor shows must not wait for sonner's chunk.
    return whenScreenSettled(client, take, { behindHolds: false });
  }, [needed, client]);

  return Toaster ? <Toaster /> : null;
}
