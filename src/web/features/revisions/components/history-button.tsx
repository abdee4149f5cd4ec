import { lazy, Suspense, useState } from 'react';
import type { HistoryHostProps } from './history-props';

const HistoryDrawer = lazy(() => import('./history-drawer'));

/** "History" in the form header: the drawer's code loads on the first click. */
export function HistoryButton(props: HistoryHostProps) {
  const [open, setOpen] = useState(false);
  const [requested, setRequested] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        onClick={() => {
          setRequested(true);
          setOpen(true);
        }}
      >
        History
      </button>
      {requested ? (
        <Suspense fallback={null}>
          <HistoryDrawer {...props} open={open} onOpenChange={setOpen} />
        </Suspense>
      ) : null}
    </>
  );
}
