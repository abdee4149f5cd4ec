import { COMMON_FIELD_DESCRIPTORS, TYPE_FIELD } from './integration-types/common-fields';
import { INTEGRATION_TYPE_DESCRIPTORS } from './integration-types';

const { name, responseDataVariable, transformScript, customDataFields } = COMMON_FIELD_DESCRIPTORS;

/**
 * The panel's label of each integration field, for screens that list fields
 * outside the form (import plans, revision diffs). Same words as the form; a
 * field several types share takes the first type's label. The key order is the
 * order those screens list fields in: the common fields around the types' own.
 */
export const INTEGRATION_FIELD_LABELS: Readonly<Record<string, string>> = (() => {
  const labels = new Map<string, string>([
    ['name', name.label],
    ['responseDataVariable', responseDataVariable.label],
    ['type', TYPE_FIELD.label],
  ]);
  for (const descriptor of INTEGRATION_TYPE_DESCRIPTORS) {
    for (const [field, { label }] of Object.entries(descriptor.fields)) if (!labels.has(field)) labels.set(field, label);
  }
  labels.set('transformScript', transformScript.label).set('customDataFields', customDataFields.label);
  return Object.fromEntries(labels);
})();

/** A field path such as `customDataFields.2.key` in the panel's words: "Custom Data Fields, row 3, key". */
export function labelOfFieldPath(path: string): string {
  if (path === '') return 'The integration';
  const [field = '', ...rest] = path.split('.');
  const label = INTEGRATION_FIELD_LABELS[field] ?? field;
  const parts = rest.map((part) => (/^\d+$/.test(part) ? `row ${Number(part) + 1}` : part));
  return [label, ...parts].join(', ');
}
