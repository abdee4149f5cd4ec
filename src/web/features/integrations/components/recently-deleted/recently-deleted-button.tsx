import { useRef } from 'react';
import { retryableLazy } from '../../../../components/lazy-part';
import { useOpenOnDemand } from '../../../../components/use-open-on-demand';

const RecentlyDeletedDialog = retryableLazy(() => import('./recently-deleted-dialog'), 'the list of deleted integrations');

/** "Recently deleted" in the bot's header: the dialog's code loads on the first click. */
export function RecentlyDeletedButton({ botId }: { botId: string }) {
  const dialog = useOpenOnDemand();
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={opener} type="button" className="button" aria-haspopup="dialog" onClick={dialog.openNow}>
        Recently deleted
      </button>
      {dialog.requested ? <RecentlyDeletedDialog botId={botId} open={dialog.open} onOpenChange={dialog.setOpen} /> : null}
    </>
  );
}
