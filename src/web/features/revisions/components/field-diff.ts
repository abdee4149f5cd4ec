import { INTEGRATION_FIELD_LABELS } from '../../../../domain/field-labels';
import type { Integration } from '../../../../domain/integration';
import { INTEGRATION_TYPE_LABELS, type IntegrationType } from '../../../../domain/integration-types';

export interface FieldDiffRow {
  key: string;
  label: string;
  /** null: the field does not exist on that side (another type, or a custom data key added later). */
  revision: string | null;
  current: string | null;
  changed: boolean;
}

/** Bookkeeping, not configuration: never compared. The script has its own diff. */
const SKIPPED = new Set(['id', 'botId', 'createdAt', 'updatedAt', 'version', 'transformScript', 'customDataFields']);

/** The form's order: common fields first, then the type's fields as the schema lists them. */
const ORDER = Object.keys(INTEGRATION_FIELD_LABELS);
const rank = (key: string) => {
  const index = ORDER.indexOf(key);
  return index === -1 ? ORDER.length : index;
};

function show(key: string, value: unknown): string | null {
  if (value === undefined) return null;
  if (key === 'type' && typeof value === 'string') return INTEGRATION_TYPE_LABELS[value as IntegrationType] ?? value;
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (Array.isArray(value)) {
    // Headers and request parameters: one "key: value" line each.
    return value
      .map((item) =>
        item && typeof item === 'object' && 'key' in item
          ? `${String(item.key)}: ${String((item as { value?: unknown }).value ?? '')}`
          : JSON.stringify(item),
      )
      .join('\n');
  }
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function customData(integration: Integration): Map<string, string> {
  return new Map(integration.customDataFields.map((field) => [field.key, field.value]));
}

/**
 * Every configuration field of either side, in the form's order, then one row
 * per custom data key (matched by key: a reordered row is not a change of value).
 */
export function diffFields(revision: Integration, current: Integration): FieldDiffRow[] {
  const before = revision as unknown as Record<string, unknown>;
  const after = current as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !SKIPPED.has(key));
  keys.sort((a, b) => rank(a) - rank(b));
  const rows: FieldDiffRow[] = keys.map((key) => {
    const left = show(key, before[key]);
    const right = show(key, after[key]);
    return { key, label: INTEGRATION_FIELD_LABELS[key] ?? key, revision: left, current: right, changed: left !== right };
  });
  const oldData = customData(revision);
  const newData = customData(current);
  for (const key of new Set([...oldData.keys(), ...newData.keys()])) {
    const left = oldData.get(key) ?? null;
    const right = newData.get(key) ?? null;
    rows.push({ key: `customDataFields:${key}`, label: `Custom data: ${key}`, revision: left, current: right, changed: left !== right });
  }
  const oldOrder = revision.customDataFields.map((field) => field.key).join('\n');
  const newOrder = current.customDataFields.map((field) => field.key).join('\n');
  if (oldOrder !== newOrder && oldData.size === newData.size && [...oldData.keys()].every((key) => newData.has(key))) {
    rows.push({ key: 'customDataFields:order', label: 'Custom data order', revision: oldOrder, current: newOrder, changed: true });
  }
  return rows;
}
