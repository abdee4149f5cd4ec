import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { errorMessage, isApiError } from '../../lib/api-client';

/** What a refused request says that no field of the form can show. */
export interface FormProblem {
  title: string;
  detail: string;
  /** Errors the server named for fields this form does not show, in the panel's words. */
  items: string[];
}

/**
 * The one way every form takes a refusal from the server: each `errors` entry of the problem+json
 * answer goes on the field it names (by its path, `customDataFields.2.key`), and the first such field
 * gets the focus. What no field of this form shows comes back as the form's own problem; null when
 * every error found its field.
 *
 * `fields`: the top-level names this form shows; by default, the keys of its values.
 */
export function applyServerErrors<T extends FieldValues>(
  // The resolver's output type does not matter here: only errors and focus are set.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: UseFormReturn<T, any, any>,
  error: unknown,
  options: { title?: string; fields?: readonly string[] } = {},
): FormProblem | null {
  const title = options.title ?? 'Could not save';
  if (!isApiError(error)) return { title, detail: errorMessage(error), items: [] };
  const shown = new Set(options.fields ?? Object.keys(form.getValues() as Record<string, unknown>));
  const items: string[] = [];
  let first: Path<T> | null = null;
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const root = path.split('.')[0] ?? '';
    if (root !== '' && shown.has(root)) {
      form.setError(path as Path<T>, { type: 'server', message });
      first ??= path as Path<T>;
    } else {
      items.push(path ? `${path}: ${message}` : message);
    }
  }
  if (first) form.setFocus(first);
  if (first && items.length === 0) return null;
  return { title, detail: error.problem.detail, items };
}
