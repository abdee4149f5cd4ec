import { ConfirmDialog } from '../../../../components/confirm-dialog';

interface ConflictDialogProps {
  open: boolean;
  name: string;
  pending: boolean;
  error: string | null;
  onReload: () => void;
  onOverwrite: () => void;
  onClose: () => void;
}

/** 412 from the API: someone saved in between. The user decides; the form keeps the edits until then. */
export function ConflictDialog({ open, name, pending, error, onReload, onOverwrite, onClose }: ConflictDialogProps) {
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => !next && onClose()}
      title="Someone else saved this integration"
      description={
        <>
          <p>
            <strong>{name}</strong> was changed and saved elsewhere after you opened it. Your edits are still in the form.
          </p>
          <p>
            <strong>Reload</strong> discards your edits and shows the latest version. <strong>Overwrite</strong> saves your version on top
            of theirs.
          </p>
        </>
      }
      cancelLabel="Decide later"
      confirmLabel="Overwrite (save mine)"
      pending={pending}
      error={error}
      onConfirm={onOverwrite}
      secondary={{ label: 'Reload (discard mine)', onClick: onReload }}
    />
  );
}
