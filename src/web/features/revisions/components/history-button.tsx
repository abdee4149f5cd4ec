import { useMemo, useRef } from 'react';
import { useOfferedCommands } from '../../../lib/commands';
import { retryableLazy } from '../../../components/lazy-part';
import { useOpenOnDemand } from '../../../components/use-open-on-demand';
import type { HistoryHostProps } from './history-props';

const HistoryDrawer = retryableLazy(() => import('./history-drawer'), 'the history');

/** "History" in the form header: the drawer's code loads on the first click. */
export function HistoryButton(props: HistoryHostProps) {
  const drawer = useOpenOnDemand();
  const opener = useRef<HTMLButtonElement>(null);
  // "History" in the command palette opens the drawer as this button does (the focus returns to it after).
  useOfferedCommands(
    useMemo(
      () => [
        {
          id: 'history',
          label: 'History',
          run: () => {
            opener.current?.focus();
            opener.current?.click();
          },
        },
      ],
      [],
    ),
  );
  return (
    <>
      <button ref={opener} type="button" className="button" aria-haspopup="dialog" onClick={drawer.openNow}>
        History
      </button>
      {drawer.requested ? <HistoryDrawer {...props} open={drawer.open} onOpenChange={drawer.setOpen} opener={opener} /> : null}
    </>
  );
}
