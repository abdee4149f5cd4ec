import { COMMON_FIELD_DESCRIPTORS } from '../../../../domain/integration-types/common-fields';
import { INTEGRATION_TYPE_DESCRIPTOR, type IntegrationType, type SummaryItem } from '../../../../domain/integration-types';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const rows = (value: unknown) => (Array.isArray(value) ? value.length : 0);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What a planned integration will be saved as, in a line or two. */
export function summarizeValues(type: IntegrationType, values: Record<string, unknown>): SummaryItem[] {
  const script = text(values.transformScript);
  const extras: string[] = [];
  const fields = rows(values.customDataFields);
  if (fields > 0) extras.push(plural(fields, 'custom data field'));
  if (script.trim() !== '') extras.push(plural(script.split('\n').length, 'script line'));
  return [
    { label: COMMON_FIELD_DESCRIPTORS.responseDataVariable.label, value: text(values.responseDataVariable) },
    ...INTEGRATION_TYPE_DESCRIPTOR[type].summarize(values),
    ...(extras.length > 0 ? [{ label: 'Also', value: extras.join(', ') }] : []),
  ].filter((item) => item.value !== '');
}
