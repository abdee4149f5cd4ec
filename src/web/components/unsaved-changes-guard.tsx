import { useEffect, useState } from 'react';
import type { Location } from 'history';
import { useNavigationHistory } from '../lib/history-router';
import { blockNavigation, type BlockedNavigation } from '../lib/navigation-blocker';
import { ConfirmDialog } from './confirm-dialog';

/** Navigation that must not ask (after a save or a delete) passes this in its location state. */
export const SKIP_UNSAVED_GUARD = { skipUnsavedGuard: true } as const;

function skipsGuard(location: Location): boolean {
  return Boolean((location.state as { skipUnsavedGuard?: boolean } | null)?.skipUnsavedGuard);
}

/**
 * Asks before unsaved edits are lost: in-app links and back/forward through the navigation blocker,
 * closing or reloading the tab through the blocker's beforeunload (the browser shows its own prompt).
 */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const history = useNavigationHistory();
  const [blocked, setBlocked] = useState<BlockedNavigation | null>(null);

  useEffect(() => {
    if (!when) return;
    return blockNavigation(
      history,
      ({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && !skipsGuard(nextLocation),
      setBlocked,
    );
  }, [history, when]);

  return (
    <ConfirmDialog
      open={blocked !== null}
      onOpenChange={(open) => !open && setBlocked(null)}
      title="Leave without saving?"
      description={<p>You have unsaved changes in this integration. If you leave now, they are lost.</p>}
      cancelLabel="Stay"
      confirmLabel="Leave without saving"
      danger
      onConfirm={() => {
        setBlocked(null);
        blocked?.proceed();
      }}
    />
  );
}
