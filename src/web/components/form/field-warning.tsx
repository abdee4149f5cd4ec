import type { ReactNode } from 'react';

/**
 * A warning under a field: said, never a refusal (the save goes through). The icon is decoration; screen
 * readers hear "Warning:" before the text.
 */
export function FieldWarning({ id, testId, children }: { id?: string; testId?: string; children: ReactNode }) {
  return (
    <p className="field__warning" id={id} data-testid={testId}>
      <span className="field__warning-icon" aria-hidden="true">
        ⚠
      </span>
      <span className="visually-hidden">Warning: </span>
      {children}
    </p>
  );
}
