/**
 * Custom Data Field values as the bot runtime reads them (reference §2.4): `{$.api_X.a.b}`,
 * `{$.api_X[0].answer}`, `{$.api_X.stores[i].city}` (iterates), text around placeholders, and
 * `{$botContext.name}` / `{$env.name}` references. Pure: the web app uses it too.
 */

export type CustomDataValue = string | string[] | null;

export interface CustomDataResult {
  value: CustomDataValue;
  /** Why the value is null, or what is odd about it (elements without the field); null when all is well. */
  note: string | null;
}

export interface PathContext {
  /** The parsed `jsonData` of `api_<ResponseDataVariable>`: `{ "api_<RDV>": <raw result> }`. */
  data: unknown;
  botVariables: ReadonlyMap<string, string | null>;
  envVariables: ReadonlyMap<string, string>;
}

type Segment = { kind: 'key'; name: string } | { kind: 'index'; index: number } | { kind: 'iterate' };

export type ParsedPath = { ok: true; segments: Segment[] } | { ok: false; error: string };

const KEY = /^\.([^.[\]]+)/;
const INDEX = /^\[(\d+)\]/;
const ITERATE = /^\[i\]/;
const QUOTED = /^\[(['"])(.*?)\1\]/;

/** Parses the part after `$` of a path such as `.api_X.stores[i].city`. */
export function parseJsonPath(path: string): ParsedPath {
  const segments: Segment[] = [];
  let rest = path;
  while (rest.length > 0) {
    let match: RegExpExecArray | null;
    if ((match = KEY.exec(rest))) segments.push({ kind: 'key', name: match[1] ?? '' });
    else if ((match = INDEX.exec(rest))) segments.push({ kind: 'index', index: Number(match[1]) });
    else if ((match = ITERATE.exec(rest))) segments.push({ kind: 'iterate' });
    else if ((match = QUOTED.exec(rest))) segments.push({ kind: 'key', name: match[2] ?? '' });
    else {
      return {
        ok: false,
        error: `cannot read the path at "${rest}": use .name, [0] (an index) or [i] (every element)`,
      };
    }
    rest = rest.slice(match[0].length);
  }
  return { ok: true, segments };
}

function describeSegments(segments: Segment[]): string {
  return (
    '$' +
    segments
      .map((segment) => (segment.kind === 'key' ? `.${segment.name}` : segment.kind === 'index' ? `[${segment.index}]` : '[i]'))
      .join('')
  );
}

type Found = { found: true; value: unknown } | { found: false; missingAt: string };

function step(value: unknown, segment: Segment): unknown {
  if (segment.kind === 'key') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return Object.prototype.hasOwnProperty.call(value, segment.name) ? (value as Record<string, unknown>)[segment.name] : undefined;
  }
  if (segment.kind === 'index') return Array.isArray(value) ? value[segment.index] : undefined;
  return undefined;
}

function walk(value: unknown, segments: Segment[], done: Segment[]): Found {
  let current = value;
  for (let position = 0; position < segments.length; position += 1) {
    const segment = segments[position] as Segment;
    current = step(current, segment);
    if (current === undefined || current === null) {
      return { found: false, missingAt: describeSegments([...done, ...segments.slice(0, position + 1)]) };
    }
  }
  return { found: true, value: current };
}

/** Values that are objects become JSON text, as the platform shows them. */
export function renderJsonValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

type Resolved =
  | { kind: 'single'; text: string }
  | { kind: 'list'; items: (string | null)[]; missingAt: string | null }
  | { kind: 'missing'; reason: string; at?: string };

function resolvePath(path: string, data: unknown): Resolved {
  const parsed = parseJsonPath(path);
  if (!parsed.ok) return { kind: 'missing', reason: `$${path}: ${parsed.error}` };
  return resolveSegments(parsed.segments, data, []);
}

function resolveSegments(segments: Segment[], data: unknown, done: Segment[]): Resolved {
  const iterateAt = segments.findIndex((segment) => segment.kind === 'iterate');
  if (iterateAt < 0) {
    const result = walk(data, segments, done);
    return result.found
      ? { kind: 'single', text: renderJsonValue(result.value) }
      : { kind: 'missing', reason: `${result.missingAt} finds nothing in the result`, at: result.missingAt };
  }
  const before = segments.slice(0, iterateAt);
  const list = walk(data, before, done);
  if (!list.found) return { kind: 'missing', reason: `${list.missingAt} finds nothing in the result`, at: list.missingAt };
  if (!Array.isArray(list.value)) {
    return { kind: 'missing', reason: `${describeSegments([...done, ...before])} is not a list, so [i] has nothing to iterate` };
  }
  const after = segments.slice(iterateAt + 1);
  const items: (string | null)[] = [];
  let missingAt: string | null = null;
  list.value.forEach((element: unknown, index) => {
    // A second [i] inside the element iterates again; its values are flattened into one list.
    const inner = resolveSegments(after, element, [...done, ...before, { kind: 'index', index }]);
    if (inner.kind === 'single') items.push(inner.text);
    else if (inner.kind === 'list') {
      items.push(...inner.items);
      missingAt ??= inner.missingAt;
    } else {
      missingAt ??= inner.at ?? inner.reason;
      items.push(null);
    }
  });
  return { kind: 'list', items, missingAt };
}

const PLACEHOLDER = /\{\$(\.[^{}]*|botContext\.[^{}]+|env\.[^{}]+)\}/g;

function resolvePlaceholder(inner: string, context: PathContext): Resolved {
  if (inner.startsWith('.')) return resolvePath(inner, context.data);
  if (inner.startsWith('botContext.')) {
    const name = inner.slice('botContext.'.length);
    const value = context.botVariables.get(name);
    return value === undefined || value === null
      ? { kind: 'missing', reason: `bot variable ${name} is not set` }
      : { kind: 'single', text: value };
  }
  const name = inner.slice('env.'.length);
  const value = context.envVariables.get(name);
  return value === undefined ? { kind: 'missing', reason: `environment variable ${name} is not set` } : { kind: 'single', text: value };
}

/**
 * Evaluates one Custom Data Field value. A placeholder that finds nothing makes the whole value null
 * (with the reason in `note`); `[i]` makes it a list, one entry per element, where an element without
 * the field gives an empty string.
 */
export function evaluateCustomDataValue(expression: string, context: PathContext): CustomDataResult {
  const parts: (string | Resolved)[] = [];
  let last = 0;
  for (const match of expression.matchAll(PLACEHOLDER)) {
    parts.push(expression.slice(last, match.index));
    parts.push(resolvePlaceholder(match[1] ?? '', context));
    last = match.index + match[0].length;
  }
  parts.push(expression.slice(last));

  const resolved = parts.filter((part): part is Resolved => typeof part !== 'string');
  const missing = resolved.find((part): part is Extract<Resolved, { kind: 'missing' }> => part.kind === 'missing');
  if (missing) return { value: null, note: `${missing.reason}.` };

  const lists = resolved.filter((part): part is Extract<Resolved, { kind: 'list' }> => part.kind === 'list');
  if (lists.length === 0) {
    return { value: parts.map((part) => (typeof part === 'string' ? part : part.kind === 'single' ? part.text : '')).join(''), note: null };
  }
  // Several [i] placeholders in one value walk in step: entry n takes element n of each list.
  const length = Math.max(...lists.map((list) => list.items.length));
  const value = Array.from({ length }, (_, index) =>
    parts
      .map((part) => {
        if (typeof part === 'string') return part;
        if (part.kind === 'single') return part.text;
        return part.kind === 'list' ? (part.items[index] ?? '') : '';
      })
      .join(''),
  );
  const gaps = lists.filter((list) => list.missingAt !== null || list.items.length < length);
  const notes = gaps.map((list) => {
    const empty = list.items.filter((item) => item === null).length + (length - list.items.length);
    return `${empty} of ${length} elements have nothing at ${list.missingAt ?? 'this path'}, shown as empty text`;
  });
  return { value, note: notes.length > 0 ? `${notes.join('; ')}.` : null };
}

/** The placeholders of a value that read the API result, e.g. for checking they start with `$.api_<RDV>`. */
export function apiPathsOf(expression: string): string[] {
  return [...expression.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').filter((inner) => inner.startsWith('.'));
}
