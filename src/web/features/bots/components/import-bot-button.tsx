import { lazy, Suspense, useState } from 'react';

const ImportBotDialog = lazy(() => import('./import-bot-dialog'));

/** "Import bot": the dialog and its code load on the first click. */
export function ImportBotButton() {
  const [open, setOpen] = useState(false);
  const [requested, setRequested] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          setRequested(true);
          setOpen(true);
        }}
      >
        Import bot
      </button>
      {requested ? (
        <Suspense fallback={null}>
          <ImportBotDialog open={open} onOpenChange={setOpen} />
        </Suspense>
      ) : null}
    </>
  );
}
