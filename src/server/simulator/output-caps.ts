/**
 * Cuts one output channel to its share of the run's output (OUTPUT_CAPS). `collect` inside QuickJS
 * already cuts, to keep what crosses out of the sandbox small; this is the check that holds whatever
 * the script did to the sandbox's built-ins.
 */
import type { CustomDataFieldResult } from '../../domain/simulation';
import { SIMULATION_LIMITS, type OutputChannel } from '../../domain/simulation-limits';

/** The bytes left in a channel; spent in place. */
interface Room {
  left: number;
  cut: boolean;
}

// What JSON.stringify escapes: control characters, the quote, the backslash, and lone surrogates.
// eslint-disable-next-line no-control-regex -- the control characters are what is looked for
const ESCAPED = /[\u0000-\u001f"\\\ud800-\udfff]/;
const SHORT_ESCAPES = new Set([0x08, 0x09, 0x0a, 0x0c, 0x0d]);

/** UTF-8 bytes of the UTF-16 unit at `index` as JSON.stringify writes it, and the units it spans. */
function escapedCost(text: string, index: number): [bytes: number, units: number] {
  const code = text.charCodeAt(index);
  if (code < 0x20) return [SHORT_ESCAPES.has(code) ? 2 : 6, 1];
  if (code === 0x22 || code === 0x5c) return [2, 1];
  if (code < 0x80) return [1, 1];
  if (code < 0x800) return [2, 1];
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(index + 1);
    // A pair is one 4-byte character; a lone half is written as \udxxx.
    return next >= 0xdc00 && next <= 0xdfff ? [4, 2] : [6, 1];
  }
  if (code >= 0xdc00 && code <= 0xdfff) return [6, 1];
  return [3, 1];
}

/** The string's size in the answer: UTF-8 bytes of its JSON text, quotes and escapes included. */
function serializedBytes(text: string): number {
  if (!ESCAPED.test(text)) return Buffer.byteLength(text) + 2;
  let bytes = 2;
  for (let index = 0; index < text.length;) {
    const [cost, units] = escapedCost(text, index);
    bytes += cost;
    index += units;
  }
  return bytes;
}

/** The longest beginning of `text` whose JSON text fits in `bytes`, never half a surrogate pair. */
function prefixWithin(text: string, bytes: number): string {
  let used = 2;
  let index = 0;
  while (index < text.length) {
    const [cost, units] = escapedCost(text, index);
    if (used + cost > bytes) break;
    used += cost;
    index += units;
  }
  return text.slice(0, index);
}

/**
 * A string charged by what it takes in the answer, not by its length: a character that is 1 unit of
 * UTF-16 is up to 3 bytes of UTF-8, and a control character is 6 once escaped (\u0001), so a cap in
 * characters let a run answer several times its limit.
 */
function fitText(text: string, room: Room): string {
  const bytes = serializedBytes(text);
  if (bytes <= room.left) {
    room.left -= bytes;
    return text;
  }
  room.cut = true;
  const kept = prefixWithin(text, Math.max(0, room.left));
  room.left = 0;
  return kept;
}

/**
 * The value with everything it writes in the answer charged to `room`: strings and keys as their JSON text,
 * and the punctuation around them. A string that does not fit keeps its beginning, and list entries after it
 * are dropped.
 */
function fitValue<T>(value: T, room: Room): T {
  if (typeof value === 'string') return fitText(value, room) as T;
  if (Array.isArray(value)) {
    room.left -= 2;
    const kept: unknown[] = [];
    for (const entry of value) {
      if (room.left <= 0) {
        room.cut = true;
        break;
      }
      room.left -= 1;
      kept.push(fitValue(entry, room));
      if (room.cut) break;
    }
    return kept as T;
  }
  if (value !== null && typeof value === 'object') {
    room.left -= 2;
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => {
        room.left -= serializedBytes(key) + 2;
        return [key, fitValue(entry, room)];
      }),
    ) as T;
  }
  room.left -= String(value).length;
  return value;
}

/** The value cut to `cap` bytes of JSON text (UTF-8), and whether anything was cut. */
export function capChannel<T>(value: T, cap: number): { value: T; cut: boolean } {
  const room: Room = { left: cap, cut: false };
  const fitted = fitValue(value, room);
  return { value: fitted, cut: room.cut || room.left < 0 };
}

/**
 * The Custom Data Fields' values cut to `cap` bytes of JSON text in all, in the fields' order: every field
 * keeps its row (key, expression and note are the integration's own and short); the field that reaches the
 * cap keeps its beginning and says so, the next ones show no value and say why. `cutBefore` is the row the
 * reading already cut (by characters), whose note says so already.
 */
export function capFieldValues(
  results: readonly CustomDataFieldResult[],
  cap: number,
  notes: { truncated: string; notRead: string; cutBefore: number | null },
): { results: CustomDataFieldResult[]; cut: boolean } {
  const room: Room = { left: cap, cut: false };
  const capped = results.map((result, index) => {
    if (room.cut) return result.value === null ? result : { ...result, value: null, note: notes.notRead };
    const value = fitValue(result.value, room);
    if (!room.cut || index === notes.cutBefore) return { ...result, value };
    return { ...result, value, note: result.note ? `${notes.truncated} ${result.note}` : notes.truncated };
  });
  return { results: capped, cut: room.cut };
}

const CHANNEL_NAMES: Record<OutputChannel, string> = {
  customDataFields: 'the Custom Data Fields',
  botVariables: 'the bot variables set',
  debugLog: 'the debug log',
  customEvents: 'the custom events',
  messages: 'the messages sent',
  contextData: 'the context data',
  other: 'the warnings and transfer texts',
  errorMessage: 'the error message',
};

export function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function describeCut(channel: OutputChannel, limit: string): string {
  return `${CHANNEL_NAMES[channel]} at ${limit}`;
}

/** One sentence naming every cut (`describeCut`), for the run's error. */
export function describeCuts(cuts: readonly string[]): string {
  const joined = cuts.length > 1 ? `${cuts.slice(0, -1).join(', ')} and ${cuts.at(-1)}` : (cuts[0] ?? '');
  return `Output limit reached: the run produced more than the simulator shows, so it cut ${joined} (a run answers at most ${kb(SIMULATION_LIMITS.outputChars)} in all). What is shown is the beginning; each cut says so.`;
}
