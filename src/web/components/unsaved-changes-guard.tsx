import { useEffect } from 'react';
import { useBlocker, type Location } from 'react-router';
import { ConfirmDialog } from './confirm-dialog';

/** Navigation that must not ask (after a save or a delete) passes this in its location state. */
export const SKIP_UNSAVED_GUARD = { skipUnsavedGuard: true } as const;

function skipsGuard(location: Location): boolean {
  return Boolean((location.state as { skipUnsavedGuard?: boolean } | null)?.skipUnsavedGuard);
}

/**
 * Asks before unsaved edits are lost: in-app links and back/forward through the router's blocker,
 * closing or reloading the tab through beforeunload (the browser shows its own prompt).
 */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      when && currentLocation.pathname !== nextLocation.pathname && !skipsGuard(nextLocation),
  );

  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [when]);

  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      onOpenChange={(open) => !open && blocker.state === 'blocked' && blocker.reset()}
      title="Leave without saving?"
      description={<p>You have unsaved changes in this integration. If you leave now, they are lost.</p>}
      cancelLabel="Stay"
      confirmLabel="Leave without saving"
      danger
      onConfirm={() => blocker.state === 'blocked' && blocker.proceed()}
    />
  );
}
