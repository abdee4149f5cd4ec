import { FieldWarning } from '../form/field-warning';

/** A picker's warning (an id the directory lacks, a function not deployed), announced as it changes; it never blocks the save. */
export function PickerWarning({ id, name, warning }: { id: string; name: string; warning: string | undefined }) {
  return (
    <div aria-live="polite">
      {warning ? (
        <FieldWarning id={id} testId={`warning-${name}`}>
          {warning}
        </FieldWarning>
      ) : null}
    </div>
  );
}
