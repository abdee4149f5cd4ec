import { runSliced, type Steps } from '../event-loop-slices';

/*
 * `JSON.stringify(value, null, 2)` of a big file (a bot's export: thousands of integrations and dialogs) is
 * one synchronous call that held the liveness probe for seconds. This writes the same text, byte for byte,
 * a member at a time down to the lists that hold the items (a native export's dialogs sit three levels
 * down: extras.topLevel.conversationMessage), giving the event loop back once a slice is over. Members
 * deeper than that (one dialog item, one integration) are written whole.
 */

const INDENT = '  ';
/** Containers this deep or less are written member by member; deeper ones in one call. */
const SLICED_DEPTH = 3;

/** `JSON.stringify(item, null, 2)` as it reads nested `depth` levels deep (JSON strings hold no raw newline). */
function nested(item: unknown, depth: number): string | undefined {
  const text = JSON.stringify(item, null, 2) as string | undefined;
  return text === undefined || depth === 0 ? text : text.replace(/\n/g, `\n${INDENT.repeat(depth)}`);
}

/** An array, or an object JSON.stringify writes member by member (no toJSON, no boxed primitive). */
function isContainer(value: unknown): value is unknown[] | Record<string, unknown> {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** The text of `value` `depth` levels deep, as JSON.stringify would write it there; undefined when it leaves it out. */
function* written(value: unknown, depth: number): Steps<string | undefined> {
  if (depth > SLICED_DEPTH || !isContainer(value)) return nested(value, depth);
  const inner = INDENT.repeat(depth + 1);
  const members: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      // In an array, what JSON.stringify leaves out of an object is null.
      members.push(`${inner}${(yield* written(item, depth + 1)) ?? 'null'}`);
      yield;
    }
    return members.length === 0 ? '[]' : `[\n${members.join(',\n')}\n${INDENT.repeat(depth)}]`;
  }
  for (const [key, member] of Object.entries(value)) {
    const text = yield* written(member, depth + 1);
    // Left out as JSON.stringify leaves out undefined, functions and symbols.
    if (text !== undefined) members.push(`${inner}${JSON.stringify(key)}: ${text}`);
    yield;
  }
  return members.length === 0 ? '{}' : `{\n${members.join(',\n')}\n${INDENT.repeat(depth)}}`;
}

/** The same text as `JSON.stringify(value, null, 2)`, built in slices that let other requests in. */
export async function stringifyIndentedSliced(value: unknown): Promise<string> {
  return (await runSliced(written(value, 0))) as string;
}
