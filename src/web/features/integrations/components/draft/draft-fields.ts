import { INTEGRATION_FIELD_LABELS } from '../../../../../domain/field-labels';

/** The labels of the fields whose values differ between two sets of form values, in the form's order. */
export function differingFieldLabels(draft: object, stored: object): string[] {
  const left = draft as Record<string, unknown>;
  const right = stored as Record<string, unknown>;
  const order = Object.keys(INTEGRATION_FIELD_LABELS);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...new Set([...Object.keys(left), ...Object.keys(right)])]
    .filter((key) => JSON.stringify(left[key] ?? '') !== JSON.stringify(right[key] ?? ''))
    .sort((a, b) => rank(a) - rank(b))
    .map((key) => INTEGRATION_FIELD_LABELS[key] ?? key);
}
