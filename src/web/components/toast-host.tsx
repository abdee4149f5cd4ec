import { lazy, Suspense, useSyncExternalStore } from 'react';
import { subscribeToToastRequests, toastsRequested } from '../lib/notify';

const LazyToaster = lazy(() => import('./toaster'));

export function ToastHost() {
  const needed = useSyncExternalStore(subscribeToToastRequests, toastsRequested, () => false);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <LazyToaster />
    </Suspense>
  );
}
