import { lazy, Suspense } from 'react';
import { useOpenOnDemand } from '../../../components/use-open-on-demand';

const ImportBotDialog = lazy(() => import('./import-bot-dialog'));

/** "Import bot": the dialog and its code load on the first click. */
export function ImportBotButton() {
  const dialog = useOpenOnDemand();
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" onClick={dialog.openNow}>
        Import bot
      </button>
      {dialog.requested ? (
        <Suspense fallback={null}>
          <ImportBotDialog open={dialog.open} onOpenChange={dialog.setOpen} />
        </Suspense>
      ) : null}
    </>
  );
}
