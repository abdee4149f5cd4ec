import { AlertDialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { useReturnFocus } from './return-focus';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  pending?: boolean;
  error?: string | null;
  /** A failed confirm said in full (what went wrong, Retry), in place of `error`. */
  failure?: ReactNode;
  onConfirm: () => void;
  /** A third choice between cancel and confirm (for example "Reload" in the conflict dialog). */
  secondary?: { label: string; onClick: () => void };
}

/** A question that needs an answer: focus is trapped, Escape cancels, the confirm action is explicit. */
export default function ConfirmDialogContent({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger = false,
  pending = false,
  error = null,
  failure = null,
  onConfirm,
  secondary,
}: ConfirmDialogProps) {
  const onCloseAutoFocus = useReturnFocus(open);
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog" onCloseAutoFocus={onCloseAutoFocus}>
          <AlertDialog.Title className="dialog__title">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="dialog__description">{description}</div>
          </AlertDialog.Description>
          {failure ??
            (error ? (
              <p className="dialog__error" role="alert">
                {error}
              </p>
            ) : null)}
          <div className="dialog__actions">
            <AlertDialog.Cancel className="button">{cancelLabel}</AlertDialog.Cancel>
            {secondary ? (
              <button type="button" className="button" disabled={pending} onClick={secondary.onClick}>
                {secondary.label}
              </button>
            ) : null}
            <button
              type="button"
              className={danger ? 'button button--danger' : 'button button--primary'}
              disabled={pending}
              onClick={onConfirm}
            >
              {confirmLabel}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
