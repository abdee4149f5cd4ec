import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { errorMessage, isApiError } from '../../../lib/api-client';

/**
 * Puts the server's field errors (a 409 on a duplicate id or name) on those fields and
 * returns what no field can show, such as the refusal when the directory comes from LiveEngage.
 */
export function applySkillServerErrors<T extends FieldValues>(form: UseFormReturn<T>, fields: readonly Path<T>[], error: unknown): string | null {
  if (!isApiError(error)) return errorMessage(error);
  let placed: Path<T> | null = null;
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const field = fields.find((name) => name === path);
    if (!field) continue;
    form.setError(field, { type: 'server', message });
    placed ??= field;
  }
  if (placed) {
    form.setFocus(placed);
    return null;
  }
  return error.problem.detail;
}
