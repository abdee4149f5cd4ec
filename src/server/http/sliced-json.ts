import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/*
 * `JSON.stringify(value, null, 2)` of a big file (a bot's export: thousands of integrations and dialogs) is
 * one synchronous call that held the liveness probe for seconds. This writes the same text, byte for byte,
 * one item of the top-level object's arrays at a time, giving the event loop back every SLICE_MS.
 */

const SLICE_MS = 20;
const INDENT = '  ';

/** `JSON.stringify(item, null, 2)` as it reads nested `depth` levels deep (JSON strings hold no raw newline). */
function nested(item: unknown, depth: number): string | undefined {
  const text = JSON.stringify(item, null, 2) as string | undefined;
  return text === undefined ? undefined : text.replace(/\n/g, `\n${INDENT.repeat(depth)}`);
}

/** The same text as `JSON.stringify(value, null, 2)`, built in slices that let other requests in. */
export async function stringifyIndentedSliced(value: unknown): Promise<string> {
  const isPlainObject =
    typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!isPlainObject) return JSON.stringify(value, null, 2);
  const parts: string[] = [];
  let sliceStart = performance.now();
  const pause = async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await nextTurn();
    sliceStart = performance.now();
  };
  const members: string[] = [];
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    const head = `${INDENT}${JSON.stringify(key)}: `;
    if (!Array.isArray(member) || member.length === 0) {
      const text = nested(member, 1);
      // Left out as JSON.stringify leaves out undefined, functions and symbols.
      if (text !== undefined) members.push(head + text);
      await pause();
      continue;
    }
    parts.length = 0;
    for (const item of member) {
      // In an array, what JSON.stringify leaves out of an object is null.
      parts.push(`${INDENT.repeat(2)}${nested(item, 2) ?? 'null'}`);
      await pause();
    }
    members.push(`${head}[\n${parts.join(',\n')}\n${INDENT}]`);
  }
  return members.length === 0 ? '{}' : `{\n${members.join(',\n')}\n}`;
}
