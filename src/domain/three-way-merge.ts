import { diff3Merge } from 'node-diff3';

/**
 * Three-way merge of an integration: the base (the revision the edits started from), theirs (the latest
 * saved version) and mine (the edits). Field by field: a field only one side changed takes that side's value;
 * both sides making the same change is no conflict; `customDataFields` merges row by row on `key`;
 * `transformScript` merges by lines (diff3). What is left, both sides changing the same thing differently,
 * is a conflict, listed so the person saving can pick; until then the merge holds mine there.
 * The result does not depend on which side saved first: swapping mine and theirs gives the same merge and
 * the same conflicts (with their sides swapped).
 */

/** The fields a record carries that are not the integration's content: never merged. */
const RECORD_KEYS = new Set(['id', 'botId', 'createdAt', 'updatedAt', 'version']);

export interface FieldConflict {
  /** `field` alone, or `customDataFields:<key>` for one row of the custom data fields. */
  id: string;
  field: string;
  /** The custom data field key, for a conflict on one row. */
  key?: string;
  /** undefined: absent on that side (a row deleted, a field the type does not have). */
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult<T> {
  merged: T;
  conflicts: FieldConflict[];
  /** The order of the rows merged by key, kept so that a row put back by a choice goes where it belongs. */
  rowOrder?: string[];
}

type Values = Record<string, unknown>;
interface KeyValue {
  key: string;
  value: string;
}

/** Deep equality over JSON values (what a stored integration is made of); object member order does not count. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => sameValue(item, other[index]));
  }
  const left = a as Values;
  const right = b as Values;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  return (
    keys.length === Object.keys(right).filter((key) => right[key] !== undefined).length &&
    keys.every((key) => sameValue(left[key], right[key]))
  );
}

const isKeyValueList = (value: unknown): value is KeyValue[] =>
  Array.isArray(value) && value.every((row) => typeof row === 'object' && row !== null && typeof (row as KeyValue).key === 'string');

/** Rows by key; a list with a key twice cannot be merged by key (the form refuses one anyway). */
function byKey(rows: KeyValue[]): Map<string, KeyValue> | null {
  const map = new Map<string, KeyValue>();
  for (const row of rows) {
    if (map.has(row.key)) return null;
    map.set(row.key, row);
  }
  return map;
}

function mergeRows(field: string, base: KeyValue[], mine: KeyValue[], theirs: KeyValue[]): MergeResult<KeyValue[]> | null {
  const [b, m, t] = [byKey(base), byKey(mine), byKey(theirs)];
  if (!b || !m || !t) return null;
  const conflicts: FieldConflict[] = [];
  const rows = new Map<string, KeyValue>();
  // Base order first, then the rows either side added in the order they hold them (ties by key): the same
  // order whichever side is mine.
  const added = [...new Set([...m.keys(), ...t.keys()])]
    .filter((key) => !b.has(key))
    .map((key) => ({ key, rank: Math.min(indexIn(mine, key), indexIn(theirs, key)) }))
    .sort((x, y) => x.rank - y.rank || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map(({ key }) => key);
  const order = [...b.keys(), ...added];
  for (const key of order) {
    const [o, a, c] = [b.get(key), m.get(key), t.get(key)];
    // The same rule as for whole fields; an absent row (added by nobody, or deleted) is undefined.
    const kept = sameValue(a, c) || sameValue(o, c) ? a : sameValue(o, a) ? c : a;
    if (!sameValue(a, c) && !sameValue(o, c) && !sameValue(o, a)) {
      conflicts.push({ id: `${field}:${key}`, field, key, base: o, mine: a, theirs: c });
    }
    if (kept) rows.set(key, kept);
  }
  return { merged: [...rows.values()], conflicts, rowOrder: order };
}

const indexIn = (rows: KeyValue[], key: string) => {
  const index = rows.findIndex((row) => row.key === key);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
};

function mergeLines(field: string, base: string, mine: string, theirs: string): MergeResult<string> {
  const regions = diff3Merge(mine.split('\n'), base.split('\n'), theirs.split('\n'));
  if (regions.some((region) => region.conflict)) {
    return { merged: mine, conflicts: [{ id: field, field, base, mine, theirs }] };
  }
  return { merged: regions.flatMap((region) => region.ok ?? []).join('\n'), conflicts: [] };
}

export function mergeIntegration<T extends Values>(base: Values, mine: T, theirs: Values): MergeResult<T> {
  const merged: Values = {};
  const conflicts: FieldConflict[] = [];
  let rowOrder: string[] | undefined;
  const fields = [...new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])].filter(
    (field) => !RECORD_KEYS.has(field),
  );
  for (const field of fields) {
    const [o, a, c] = [base[field], mine[field], theirs[field]];
    if (sameValue(a, c) || sameValue(o, c)) {
      merged[field] = a;
      continue;
    }
    if (sameValue(o, a)) {
      merged[field] = c;
      continue;
    }
    if (field === 'customDataFields' && isKeyValueList(o ?? []) && isKeyValueList(a) && isKeyValueList(c)) {
      const rows = mergeRows(field, (o ?? []) as KeyValue[], a, c);
      if (rows) {
        merged[field] = rows.merged;
        conflicts.push(...rows.conflicts);
        rowOrder = rows.rowOrder;
        continue;
      }
    }
    if (field === 'transformScript' && typeof a === 'string' && typeof c === 'string') {
      const lines = mergeLines(field, typeof o === 'string' ? o : '', a, c);
      merged[field] = lines.merged;
      conflicts.push(...lines.conflicts);
      continue;
    }
    merged[field] = a;
    conflicts.push({ id: field, field, base: o, mine: a, theirs: c });
  }
  for (const [key, value] of Object.entries(mine)) if (RECORD_KEYS.has(key)) merged[key] = value;
  for (const field of Object.keys(merged)) if (merged[field] === undefined) delete merged[field];
  return { merged: merged as T, conflicts, ...(rowOrder ? { rowOrder } : {}) };
}

/** What the person picked for a conflict: a side, or a value of their own. */
export type ConflictChoice = { side: 'mine' | 'theirs' } | { value: unknown };

/** The merge with every conflict decided: a row conflict sets (or removes, when undefined) that row. */
export function resolveConflicts<T extends Values>(result: MergeResult<T>, choices: Record<string, ConflictChoice>): T {
  const merged: Values = { ...result.merged };
  for (const conflict of result.conflicts) {
    const choice = choices[conflict.id];
    if (!choice) continue;
    const value = 'side' in choice ? conflict[choice.side] : choice.value;
    if (conflict.key === undefined) {
      merged[conflict.field] = value;
      continue;
    }
    const rows = [...((merged[conflict.field] as KeyValue[] | undefined) ?? [])];
    const at = rows.findIndex((row) => row.key === conflict.key);
    if (value === undefined) {
      if (at !== -1) rows.splice(at, 1);
    } else if (at === -1) rows.push(value as KeyValue);
    else rows[at] = value as KeyValue;
    const order = result.rowOrder ?? [];
    merged[conflict.field] = rows.sort((x, y) => order.indexOf(x.key) - order.indexOf(y.key));
  }
  return merged as T;
}
