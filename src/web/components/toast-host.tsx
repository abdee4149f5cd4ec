import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { subscribeToToastRequests, toastsRequested } from '../lib/notify';
import { whenIdle } from '../lib/when-idle';

const loadToaster = () => import('./toaster');
const LazyToaster = lazy(loadToaster);

export function ToastHost() {
  const needed = useSyncExternalStore(subscribeToToastRequests, toastsRequested, () => false);
  // Off the first page, but fetched once the page is idle: the first "Saved" must not wait on the network.
  useEffect(() => whenIdle(() => void loadToaster()), []);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <LazyToaster />
    </Suspense>
  );
}
