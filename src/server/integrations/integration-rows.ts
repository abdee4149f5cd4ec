import { integrationSchema, typeSpecificFields, type Integration, type IntegrationValues } from '../../domain/integration';
import type { integrations } from '../db/schema';
import { parseAndRemember } from '../parsed-values';

export type IntegrationRow = typeof integrations.$inferSelect;

/** The columns a create or replace writes; the type's own fields go to `config`. */
export function columnsOf(values: IntegrationValues) {
  return {
    name: values.name,
    responseDataVariable: values.responseDataVariable,
    type: values.type,
    config: typeSpecificFields(values),
    transformScript: values.transformScript,
    customDataFields: values.customDataFields,
  };
}

export function toIntegration(row: IntegrationRow): Integration {
  // Parsing (not casting) keeps a row written by an older schema from leaking a wrong shape.
  return parseAndRemember(integrationSchema, {
    ...row.config,
    id: row.id,
    botId: row.botId,
    name: row.name,
    responseDataVariable: row.responseDataVariable,
    type: row.type,
    transformScript: row.transformScript,
    customDataFields: row.customDataFields,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  });
}

const RECORD_KEYS = new Set(['id', 'botId', 'createdAt', 'updatedAt', 'version']);

/** The fields whose values differ between two saved states, for a revision's summary. */
export function changedFields(before: Integration | null, after: Integration): string[] {
  if (!before) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const previous = before as Record<string, unknown>;
  const next = after as Record<string, unknown>;
  return [...keys].filter((key) => !RECORD_KEYS.has(key) && JSON.stringify(previous[key]) !== JSON.stringify(next[key]));
}
