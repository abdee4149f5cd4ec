import { integrationInputSchema, type Integration, type IntegrationValues } from '../../../../../domain/integration';
import { valuesFromIntegration } from './form-values';

/** JSON with sorted keys: two values equal whatever order their fields were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

const storedValues = (integration: Integration): IntegrationValues | null => {
  const parsed = integrationInputSchema.safeParse(valuesFromIntegration(integration));
  return parsed.success ? parsed.data : null;
};

/**
 * What is left to save after the rename: the renamed integration (whose own script and fields the
 * rename rewrote too) with the form's other edits on top, field by field against the version the
 * edit started from. Null when the rename already holds everything.
 */
export function editsAfterRename(base: Integration, renamed: Integration, values: IntegrationValues): IntegrationValues | null {
  const before = storedValues(base);
  const after = storedValues(renamed);
  if (!before || !after) return values;
  const merged: Record<string, unknown> = { ...after };
  for (const [key, value] of Object.entries(values)) {
    if (key === 'name' || key === 'responseDataVariable') continue;
    if (canonical(value) !== canonical((before as Record<string, unknown>)[key])) merged[key] = value;
  }
  return canonical(merged) === canonical(after) ? null : (merged as IntegrationValues);
}
