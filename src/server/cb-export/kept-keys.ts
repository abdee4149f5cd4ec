import type { KeptObject, VerbatimKey } from '../../domain/cb-export';

/** Structural equality of JSON values; key order of objects does not count. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]));
}

/**
 * What an import keeps of `original` besides the model: key order, the keys the
 * model does not map, and the file's form of each mapped key that the model
 * would write differently. `fromModel` holds every mapped key as export writes
 * it from the parsed values, or null when the entry did not validate (then only
 * the key order and unmapped keys are kept: such an entry is never imported).
 */
export function keepObject(
  original: Record<string, unknown>,
  mappedKeys: ReadonlySet<string>,
  fromModel: Record<string, unknown> | null,
): KeptObject {
  const verbatim: [string, VerbatimKey][] = [];
  for (const [key, value] of Object.entries(fromModel ?? {})) {
    if (!Object.hasOwn(original, key)) verbatim.push([key, { absent: true, fromModel: value }]);
    else if (!jsonEqual(original[key], value)) verbatim.push([key, { original: original[key], fromModel: value }]);
  }
  return {
    keyOrder: Object.keys(original),
    // fromEntries defines own properties, so a "__proto__" key stays data.
    unmapped: Object.fromEntries(Object.entries(original).filter(([key]) => !mappedKeys.has(key))),
    verbatim: Object.fromEntries(verbatim),
  };
}

/**
 * Rebuilds the object from the model's mapped keys and what was kept. A mapped
 * key takes the file's form while the model still holds the imported value, and
 * the model's value once it was edited; it wins over an unmapped key of the same
 * name (kept before the integration changed type). Keys the file did not have
 * come last.
 */
export function restoreObject(kept: KeptObject, mapped: Record<string, unknown>): Record<string, unknown> {
  const resolved = new Map<string, unknown>();
  for (const [key, value] of Object.entries(mapped)) {
    const form = kept.verbatim[key];
    if (form && jsonEqual(form.fromModel, value)) {
      if ('original' in form) resolved.set(key, form.original);
    } else {
      resolved.set(key, value);
    }
  }
  const entries: [string, unknown][] = [];
  for (const key of kept.keyOrder) {
    if (resolved.has(key)) {
      entries.push([key, resolved.get(key)]);
      resolved.delete(key);
    } else if (Object.hasOwn(kept.unmapped, key) && !Object.hasOwn(mapped, key)) {
      entries.push([key, kept.unmapped[key]]);
    }
  }
  entries.push(...resolved);
  for (const [key, value] of Object.entries(kept.unmapped)) {
    if (!kept.keyOrder.includes(key) && !Object.hasOwn(mapped, key)) entries.push([key, value]);
  }
  return Object.fromEntries(entries);
}
