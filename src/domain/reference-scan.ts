/*
 * Finds where a text names an integration: `api_<variable>` and `{<name>.<key>}`. Names are user
 * text, so they are searched for as plain strings (indexOf) and the surroundings checked by hand,
 * never compiled into a regular expression: the cost is the text's length times the name's at worst.
 */

interface Found {
  /** Where the reference starts (the `a` of `api_`, the first character of the name). */
  index: number;
  /** Its length in the text. */
  length: number;
}

interface FieldRead extends Found {
  name: string;
  key: string;
}

const isWordUnit = (unit: string | undefined) =>
  unit !== undefined && ((unit >= 'A' && unit <= 'Z') || (unit >= 'a' && unit <= 'z') || (unit >= '0' && unit <= '9') || unit === '_');
const isLetter = (unit: string | undefined) => unit !== undefined && ((unit >= 'A' && unit <= 'Z') || (unit >= 'a' && unit <= 'z'));

/**
 * A JavaScript identifier goes on with ID_Continue, `$`, ZWNJ and ZWJ: `api_Esc$x`, `api_Escé` and `$api_Esc`
 * are other names than `api_Esc`, neither its usages nor rewritten by its rename. (A constant pattern tested
 * on one code point at a time: nothing of the text is compiled.)
 */
const IDENTIFIER_PART = /^[\p{ID_Continue}$\u200c\u200d]$/u;

/** Whether the code point starting at `index` continues an identifier. */
function continuesAt(text: string, index: number): boolean {
  const codePoint = text.codePointAt(index);
  return codePoint !== undefined && IDENTIFIER_PART.test(String.fromCodePoint(codePoint));
}

/** Whether the code point ending right before `index` continues an identifier. */
function continuesBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const last = text.charCodeAt(index - 1);
  const isLowSurrogate = last >= 0xdc00 && last <= 0xdfff;
  return continuesAt(text, isLowSurrogate && index >= 2 ? index - 2 : index - 1);
}

/** Code reads a field also as a string (`getBotVariable('<name>.<key>')`); texts show it as `{<name>.<key>}`. */
export const FIELD_OPENERS_IN_CODE = `{'"\``;
export const FIELD_OPENERS_IN_TEXT = '{';

/** The end of the word characters from `from` on. */
function wordEnd(text: string, from: number): number {
  let end = from;
  while (isWordUnit(text[end])) end += 1;
  return end;
}

/**
 * `api_<variable>`, and `api_<variable>Status` when `withStatus`, as whole names (no identifier
 * character right before or after), left to right without overlaps.
 */
export function variableReads(text: string, responseDataVariable: string, withStatus: boolean): Found[] {
  const needle = `api_${responseDataVariable}`;
  const found: Found[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (continuesBefore(text, at)) continue;
    const after = at + needle.length;
    if (!continuesAt(text, after)) {
      found.push({ index: at, length: needle.length });
      at = after - 1;
    } else if (withStatus && text.startsWith('Status', after) && !continuesAt(text, after + 6)) {
      found.push({ index: at, length: needle.length + 6 });
      at = after + 5;
    }
  }
  return found;
}

/**
 * `<name>.<key>` right after one of `openers`, the key being word characters; with `name` null, any
 * name of a letter then word characters. Left to right without overlaps.
 */
export function fieldReads(text: string, name: string | null, openers: string): FieldRead[] {
  const found: FieldRead[] = [];
  if (name === null) {
    for (let at = 1; at < text.length; at += 1) {
      if (!openers.includes(text[at - 1]!) || !isLetter(text[at])) continue;
      const dot = wordEnd(text, at);
      const end = text[dot] === '.' ? wordEnd(text, dot + 1) : dot + 1;
      if (end > dot + 1) {
        found.push({ index: at, length: end - at, name: text.slice(at, dot), key: text.slice(dot + 1, end) });
        at = end - 1;
      } else at = dot - 1;
    }
    return found;
  }
  const needle = `${name}.`;
  for (let at = text.indexOf(needle, 1); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (!openers.includes(text[at - 1]!)) continue;
    const end = wordEnd(text, at + needle.length);
    if (end === at + needle.length) continue;
    found.push({ index: at, length: end - at, name, key: text.slice(at + needle.length, end) });
    at = end - 1;
  }
  return found;
}

/** The text with each found reference replaced by what `by` makes of it (no `$` patterns: names are text). */
export function replaceFound<T extends Found>(text: string, found: readonly T[], by: (item: T) => string): string {
  if (found.length === 0) return text;
  let result = '';
  let from = 0;
  for (const item of found) {
    result += text.slice(from, item.index) + by(item);
    from = item.index + item.length;
  }
  return result + text.slice(from);
}
