import { useRef } from 'react';
import { retryableLazy } from '../../../components/lazy-part';
import { useOpenOnDemand } from '../../../components/use-open-on-demand';

const ImportBotDialog = retryableLazy(() => import('./import-bot-dialog'), 'the import dialog');

/** "Import bot": the dialog and its code load on the first click. */
export function ImportBotButton() {
  const dialog = useOpenOnDemand();
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={opener} type="button" className="button" aria-haspopup="dialog" onClick={dialog.openNow}>
        Import bot
      </button>
      {dialog.requested ? <ImportBotDialog open={dialog.open} onOpenChange={dialog.setOpen} opener={opener} /> : null}
    </>
  );
}
