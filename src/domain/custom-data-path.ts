/**
 * Custom Data Field values as the bot runtime reads them (reference §2.4): `{$.api_X.a.b}`,
 * `{$.api_X[0].answer}`, `{$.api_X.stores[i].city}` (iterates), text around placeholders, and
 * `{$botContext.name}` / `{$env.name}` references. Pure: the web app uses it too.
 */

type CustomDataValue = string | string[] | null;

interface CustomDataResult {
  value: CustomDataValue;
  /** Why the value is null, or what is odd about it (elements without the field); null when all is well. */
  note: string | null;
  /** Set only when a budget ran out: the value holds what fitted (see EvaluationBudget). */
  cut?: 'chars' | 'steps';
}

export interface PathContext {
  /** The parsed `jsonData` of `api_<ResponseDataVariable>`: `{ "api_<RDV>": <raw result> }`. */
  data: unknown;
  botVariables: ReadonlyMap<string, string | null>;
  envVariables: ReadonlyMap<string, string>;
}

type Segment = { kind: 'key'; name: string } | { kind: 'index'; index: number } | { kind: 'iterate' };

type ParsedPath = { ok: true; segments: Segment[] } | { ok: false; error: string };

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
function renderJsonValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * What the values of one run may still cost. `[i]` multiplies the text around it by the length of a
 * list, so a 500 KB sample can ask for gigabytes: every entry is charged as it is built, and the
 * evaluation stops, keeping what fits, when either runs out. Shared by the fields of a run and spent in place.
 */
export interface EvaluationBudget {
  /** Characters the values may still produce. */
  chars: number;
  /** Elements and entries the walk may still visit: a path that finds nothing yields no text but still costs time. */
  steps: number;
}

/** Which budget ran out while evaluating a value; its value holds what fitted. */
type BudgetCut = 'chars' | 'steps' | null;

const MISSING: unique symbol = Symbol('missing');
type Item = unknown;

type Resolved =
  | { kind: 'single'; value: unknown }
  | { kind: 'list'; items: Item[]; missingAt: string | null }
  | { kind: 'missing'; reason: string; at?: string };

class OutOfSteps extends Error {}

function spendStep(budget: EvaluationBudget) {
  if (budget.steps <= 0) throw new OutOfSteps();
  budget.steps -= 1;
}

function resolvePath(path: string, data: unknown, budget: EvaluationBudget): Resolved {
  const parsed = parseJsonPath(path);
  if (!parsed.ok) return { kind: 'missing', reason: `$${path}: ${parsed.error}` };
  return resolveSegments(parsed.segments, data, [], budget);
}

/** Lists keep the elements themselves, not their text: text is made, and charged, one entry at a time. */
function resolveSegments(segments: Segment[], data: unknown, done: Segment[], budget: EvaluationBudget): Resolved {
  const iterateAt = segments.findIndex((segment) => segment.kind === 'iterate');
  if (iterateAt < 0) {
    const result = walk(data, segments, done);
    return result.found
      ? { kind: 'single', value: result.value }
      : { kind: 'missing', reason: `${result.missingAt} finds nothing in the result`, at: result.missingAt };
  }
  const before = segments.slice(0, iterateAt);
  const list = walk(data, before, done);
  if (!list.found) return { kind: 'missing', reason: `${list.missingAt} finds nothing in the result`, at: list.missingAt };
  if (!Array.isArray(list.value)) {
    return { kind: 'missing', reason: `${describeSegments([...done, ...before])} is not a list, so [i] has nothing to iterate` };
  }
  const after = segments.slice(iterateAt + 1);
  const items: Item[] = [];
  let missingAt: string | null = null;
  const elements: unknown[] = list.value;
  for (let index = 0; index < elements.length; index += 1) {
    spendStep(budget);
    // A second [i] inside the element iterates again; its values are flattened into one list.
    const inner = resolveSegments(after, elements[index], [...done, ...before, { kind: 'index', index }], budget);
    if (inner.kind === 'single') items.push(inner.value);
    else if (inner.kind === 'list') {
      for (const item of inner.items) items.push(item);
      missingAt ??= inner.missingAt;
    } else {
      missingAt ??= inner.at ?? inner.reason;
      items.push(MISSING);
    }
  }
  return { kind: 'list', items, missingAt };
}

const PLACEHOLDER = /\{\$(\.[^{}]*|botContext\.[^{}]+|env\.[^{}]+)\}/g;

function resolvePlaceholder(inner: string, context: PathContext, budget: EvaluationBudget): Resolved {
  if (inner.startsWith('.')) return resolvePath(inner, context.data, budget);
  if (inner.startsWith('botContext.')) {
    const name = inner.slice('botContext.'.length);
    const value = context.botVariables.get(name);
    return value === undefined || value === null
      ? { kind: 'missing', reason: `bot variable ${name} is not set` }
      : { kind: 'single', value };
  }
  const name = inner.slice('env.'.length);
  const value = context.envVariables.get(name);
  return value === undefined ? { kind: 'missing', reason: `environment variable ${name} is not set` } : { kind: 'single', value };
}

const unlimited = (): EvaluationBudget => ({ chars: Number.POSITIVE_INFINITY, steps: Number.POSITIVE_INFINITY });

/** Builds text part by part, charging the budget, and keeps the part that fits when it runs out. */
class Writer {
  text = '';
  cut: BudgetCut = null;
  constructor(private readonly budget: EvaluationBudget) {}
  /** False once the budget is spent; the caller stops there. */
  write(part: string): boolean {
    if (part.length <= this.budget.chars) {
      this.budget.chars -= part.length;
      this.text += part;
      return true;
    }
    this.text += part.slice(0, Math.max(0, this.budget.chars));
    this.budget.chars = 0;
    this.cut = 'chars';
    return false;
  }
}

function renderItem(item: Item): string {
  return item === MISSING ? '' : renderJsonValue(item);
}

/**
 * Evaluates one Custom Data Field value. A placeholder that finds nothing makes the whole value null
 * (with the reason in `note`); `[i]` makes it a list, one entry per element, where an element without
 * the field gives an empty string. With a budget, a value that does not fit keeps what fits and says
 * so in `cut`; the caller writes the note, since it knows the limit's name.
 */
export function evaluateCustomDataValue(
  expression: string,
  context: PathContext,
  budget: EvaluationBudget = unlimited(),
): CustomDataResult {
  const parts: (string | Resolved)[] = [];
  let last = 0;
  try {
    for (const match of expression.matchAll(PLACEHOLDER)) {
      parts.push(expression.slice(last, match.index));
      parts.push(resolvePlaceholder(match[1] ?? '', context, budget));
      last = match.index + match[0].length;
    }
  } catch (error) {
    if (error instanceof OutOfSteps) return { value: null, note: null, cut: 'steps' };
    throw error;
  }
  parts.push(expression.slice(last));

  const resolved = parts.filter((part): part is Resolved => typeof part !== 'string');
  const missing = resolved.find((part): part is Extract<Resolved, { kind: 'missing' }> => part.kind === 'missing');
  if (missing) return { value: null, note: `${missing.reason}.` };

  // A single value is rendered once, however many entries repeat it.
  const texts = parts.map((part) => (typeof part === 'string' ? part : part.kind === 'single' ? renderJsonValue(part.value) : null));
  const lists = resolved.filter((part): part is Extract<Resolved, { kind: 'list' }> => part.kind === 'list');
  if (lists.length === 0) {
    const writer = new Writer(budget);
    for (const text of texts) if (!writer.write(text ?? '')) break;
    return { value: writer.text, note: null, ...(writer.cut ? { cut: writer.cut } : {}) };
  }
  // Several [i] placeholders in one value walk in step: entry n takes element n of each list.
  const length = Math.max(...lists.map((list) => list.items.length));
  const value: string[] = [];
  let cut: BudgetCut = null;
  for (let index = 0; index < length && cut === null; index += 1) {
    if (budget.steps <= 0) {
      cut = 'steps';
      break;
    }
    budget.steps -= 1;
    const writer = new Writer(budget);
    parts.forEach((part, position) => {
      if (writer.cut) return;
      const text = texts[position];
      if (text !== null && text !== undefined) writer.write(text);
      else if (typeof part !== 'string' && part.kind === 'list')
        writer.write(index < part.items.length ? renderItem(part.items[index]) : '');
    });
    cut = writer.cut;
    // An entry cut in the middle is dropped: a list of whole entries, then the note, reads better than half an entry.
    if (cut === null) value.push(writer.text);
  }
  const gaps = lists.filter((list) => list.missingAt !== null || list.items.length < length);
  const notes = gaps.map((list) => {
    const empty = list.items.filter((item) => item === MISSING).length + (length - list.items.length);
    return `${empty} of ${length} elements have nothing at ${list.missingAt ?? 'this path'}, shown as empty text`;
  });
  return { value, note: notes.length > 0 ? `${notes.join('; ')}.` : null, ...(cut ? { cut } : {}) };
}

/** The bot variables a value reads with `{$botContext.name}`: the only ones the sandbox has to hand back. */
export function botVariableNamesOf(expression: string): string[] {
  return [...expression.matchAll(PLACEHOLDER)]
    .map((match) => match[1] ?? '')
    .filter((inner) => inner.startsWith('botContext.'))
    .map((inner) => inner.slice('botContext.'.length));
}

/** The placeholders of a value that read the API result, e.g. for checking they start with `$.api_<RDV>`. */
export function apiPathsOf(expression: string): string[] {
  return [...expression.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').filter((inner) => inner.startsWith('.'));
}
