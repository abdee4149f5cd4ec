import { integrationSchema, typeSpecificFields, type Integration, type IntegrationValues } from '../../domain/integration';
import type { integrations } from '../db/schema';
import { parseAndRemember } from '../parsed-values';

export type IntegrationRow = typeof integrations.$inferSelect;

/** An integrations row as the driver answers a statement written in SQL (`select *`, `returning *`). */
export interface StoredIntegrationRow {
  id: string;
  bot_id: string;
  name: string;
  response_data_variable: string;
  type: string;
  config: Record<string, unknown>;
  transform_script: string;
  custom_data_fields: IntegrationRow['customDataFields'];
  extras: Record<string, unknown>;
  /** Text: drizzle has both drivers leave timestamps unparsed, as its own columns then map them. */
  created_at: string | Date;
  updated_at: string | Date;
  version: number;
}

/** The row drizzle's query builder would give, members in the table's order (toSharedIntegration's key). */
export function fromStoredRow(row: StoredIntegrationRow): IntegrationRow {
  return {
    id: row.id,
    botId: row.bot_id,
    name: row.name,
    responseDataVariable: row.response_data_variable,
    type: row.type,
    config: row.config,
    transformScript: row.transform_script,
    customDataFields: row.custom_data_fields,
    extras: row.extras,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    version: row.version,
  };
}

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

/**
 * A JSON value with its objects' keys in the order jsonb keeps them (PostgreSQL's jsonb sorts an
 * object's keys by their length in UTF-8 bytes, then byte by byte), so a row predicted before a
 * write is member for member the row the database answers after it.
 */
export function inJsonbOrder<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => inJsonbOrder(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const keys = Object.keys(value)
    .map((key) => ({ key, bytes: Buffer.from(key) }))
    .sort((a, b) => a.bytes.length - b.bytes.length || Buffer.compare(a.bytes, b.bytes));
  const ordered: Record<string, unknown> = {};
  for (const { key } of keys) ordered[key] = inJsonbOrder((value as Record<string, unknown>)[key]);
  return ordered as T;
}

/**
 * The row a replace writes, as the database will answer it: `before`'s record columns (id, bot,
 * extras, creation time), the new values' columns, the save's time and the next version.
 */
export function replacedRow(before: IntegrationRow, columns: ReturnType<typeof columnsOf>, updatedAt: Date): IntegrationRow {
  return {
    id: before.id,
    botId: before.botId,
    name: columns.name,
    responseDataVariable: columns.responseDataVariable,
    type: columns.type,
    config: inJsonbOrder(columns.config),
    transformScript: columns.transformScript,
    customDataFields: inJsonbOrder(columns.customDataFields),
    extras: before.extras,
    createdAt: before.createdAt,
    updatedAt,
    version: before.version + 1,
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

/** Freezes a parsed value through and through: a shared one must not change under another reader. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

// A record is read again and again unchanged (the form's reads, conditional reads, the PUT's own read
// of what the last save wrote), and parsing it was a fifth of a GET's CPU. The key is the whole row as
// JSON, so any change of any column (the version included) is another key: a hit is what parsing that
// row gives. Rows above KEY_LIMIT (long scripts) are parsed every time, which bounds the memory.
const RECENT_ROWS = 256;
const KEY_LIMIT = 8 * 1024;
const recentlyParsed = new Map<string, Integration>();

/**
 * toIntegration for single records, remembering the last ones parsed. The value is shared with every
 * reader of the same row, so it is frozen. Bulk reads (a bot's whole list) keep toIntegration: a cache
 * this size would only churn.
 */
export function toSharedIntegration(row: IntegrationRow): Integration {
  const key = JSON.stringify(row);
  const known = recentlyParsed.get(key);
  if (known) {
    recentlyParsed.delete(key);
    recentlyParsed.set(key, known);
    return known;
  }
  const parsed = deepFreeze(toIntegration(row));
  if (key.length <= KEY_LIMIT) {
    recentlyParsed.set(key, parsed);
    if (recentlyParsed.size > RECENT_ROWS) recentlyParsed.delete(recentlyParsed.keys().next().value as string);
  }
  return parsed;
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
