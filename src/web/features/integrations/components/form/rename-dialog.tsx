import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { placeOf } from '../usages/usage-place';
import type { RenameDialogState } from './use-rename-flow';

/** The dry run of a rename: every line that changes, before and after, then one confirm that stores it all. */
export function RenameDialog({ pending, from, confirm, cancel }: RenameDialogState) {
  const input = pending?.input;
  const changes = pending?.changes;
  return (
    <ConfirmDialog
      open={pending !== null}
      onOpenChange={(open) => !open && cancel()}
      title={input && input.name !== from ? `Rename ${from} to ${input.name}?` : `Change the response data variable of ${from}?`}
      description={
        <>
          <p>
            Dialogs and other integrations refer to <strong>{from}</strong>. Saving rewrites these references in the same save:
          </p>
          {changes === null || changes === undefined ? (
            <p role="status">Finding the references…</p>
          ) : changes.length === 0 ? (
            <p>No reference changes.</p>
          ) : (
            // Focusable: the list scrolls when long, and keyboard users must be able to scroll it.
            <ol className="rename-changes" aria-label="Changes to the references" tabIndex={0}>
              {changes.map((change, index) => (
                <li key={index} className="rename-changes__item">
                  <p className="rename-changes__where">{placeOf(change)}</p>
                  <p className="rename-changes__line rename-changes__line--before">
                    <span className="visually-hidden">Before: </span>− {change.before}
                  </p>
                  <p className="rename-changes__line rename-changes__line--after">
                    <span className="visually-hidden">After: </span>+ {change.after}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </>
      }
      confirmLabel="Rename and save"
      pending={pending?.busy ?? false}
      error={pending?.error ?? null}
      onConfirm={confirm}
    />
  );
}
