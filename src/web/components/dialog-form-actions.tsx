import { Dialog } from 'radix-ui';

interface DialogFormActionsProps {
  submitLabel: string;
  /** A save in flight: the submit button waits, Cancel stays available. */
  pending: boolean;
}

/** Cancel and submit at the foot of a form inside a Radix dialog. */
export function DialogFormActions({ submitLabel, pending }: DialogFormActionsProps) {
  return (
    <div className="dialog__actions">
      <Dialog.Close className="button" type="button">
        Cancel
      </Dialog.Close>
      <button type="submit" className="button button--primary" disabled={pending}>
        {submitLabel}
      </button>
    </div>
  );
}
