import { useState } from 'react';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { INTEGRATION_FIELD_LABELS } from '../../../../../domain/field-labels';
import type { ConflictChoice, FieldConflict } from '../../../../../domain/three-way-merge';

interface ConflictDialogProps {
  open: boolean;
  name: string;
  /** The fields both sides changed differently: only these are asked about. */
  conflicts: FieldConflict[];
  /** The version saved elsewhere. */
  theirVersion: number;
  pending: boolean;
  error: string | null;
  onSave: (choices: Record<string, ConflictChoice>) => void;
  onReload: () => void;
  onClose: () => void;
}

const shown = (value: unknown): string => {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (value && typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  return JSON.stringify(value);
};

const labelOf = (conflict: FieldConflict) =>
  conflict.key === undefined
    ? (INTEGRATION_FIELD_LABELS[conflict.field] ?? conflict.field)
    : `${INTEGRATION_FIELD_LABELS[conflict.field] ?? conflict.field}: ${conflict.key}`;

/**
 * 412 with edits both sides made to the same fields: everything else has merged by itself. Each conflicting
 * field side by side, to keep mine or take theirs; then the save goes through on top of their version.
 */
export function ConflictDialog({ open, name, conflicts, theirVersion, pending, error, onSave, onReload, onClose }: ConflictDialogProps) {
  const [sides, setSides] = useState<Record<string, 'mine' | 'theirs'>>({});
  const choices = Object.fromEntries(conflicts.map((conflict) => [conflict.id, { side: sides[conflict.id] ?? 'mine' } as ConflictChoice]));
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => !next && onClose()}
      title="Someone else saved this integration"
      description={
        <>
          <p>
            <strong>{name}</strong> was saved elsewhere (version {theirVersion}) after you started. Their other changes and yours are
            merged; pick what to keep where you both changed the same field.
          </p>
          {conflicts.map((conflict) => (
            <fieldset key={conflict.id} className="merge-conflict" data-testid="merge-conflict">
              <legend>{labelOf(conflict)}</legend>
              <div className="merge-conflict__sides">
                {(['mine', 'theirs'] as const).map((side) => (
                  <label key={side} className="merge-conflict__side">
                    <input
                      type="radio"
                      name={`merge-${conflict.id}`}
                      value={side}
                      checked={(sides[conflict.id] ?? 'mine') === side}
                      onChange={() => setSides((current) => ({ ...current, [conflict.id]: side }))}
                    />
                    <span>{side === 'mine' ? 'Keep mine' : 'Take theirs'}</span>
                    <pre className="merge-conflict__value">{shown(conflict[side])}</pre>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </>
      }
      cancelLabel="Decide later"
      confirmLabel="Save merged"
      pending={pending}
      error={error}
      onConfirm={() => onSave(choices)}
      secondary={{ label: 'Reload (discard mine)', onClick: onReload }}
    />
  );
}
