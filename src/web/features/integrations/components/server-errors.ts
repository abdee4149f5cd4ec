import type { FieldPath, UseFormReturn } from 'react-hook-form';
import type { IntegrationValues } from '../../../../domain/integration';
import { errorMessage, isApiError } from '../../../lib/api-client';
import type { FormValues } from './form-values';

export interface FormProblem {
  title: string;
  detail: string;
  /** Errors the server named for fields this form does not show. */
  items: string[];
}

/**
 * Puts each `errors` entry of a problem+json answer on the field it names; whatever
 * has no field in this form goes to the top of the form. Returns that top-level part.
 */
export function applyServerErrors(
  form: UseFormReturn<FormValues, unknown, IntegrationValues>,
  error: unknown,
): FormProblem | null {
  if (!isApiError(error)) return { title: 'Could not save', detail: errorMessage(error), items: [] };
  const values = form.getValues() as Record<string, unknown>;
  const items: string[] = [];
  let first: string | null = null;
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const root = path.split('.')[0] ?? '';
    if (root !== '' && root in values) {
      form.setError(path as FieldPath<FormValues>, { type: 'server', message });
      first ??= path;
    } else {
      items.push(path ? `${path}: ${message}` : message);
    }
  }
  if (first) form.setFocus(first as FieldPath<FormValues>);
  if (first && items.length === 0) return null;
  return { title: 'Could not save', detail: error.problem.detail, items };
}
