import type { UsagePlace } from '../../domain/dialogs';
import { FIELD_OPENERS_IN_CODE, FIELD_OPENERS_IN_TEXT } from '../../domain/reference-scan';

/*
 * The places of an interaction that can name an integration, and the patterns that find the names.
 * Usages, rename and checks all walk the same places, so what one finds the other rewrites.
 */

type Json = Record<string, unknown>;

/** Called for every string in a place; returns the string to keep (the same one when nothing changes). */
type Visit = (where: UsagePlace, value: string) => string;

const CODE_KEYS: Readonly<Record<string, UsagePlace>> = { preProcessMessage: 'preProcess', postProcessMessage: 'postProcess' };
/** Keys of `content` that are not shown to the user: the invocation itself is read on its own. */
const CONTENT_KEYS_SKIPPED = new Set(['responderName', 'responderId', 'contentType']);

function mapStrings(value: unknown, visit: (value: string) => string): unknown {
  if (typeof value === 'string') return visit(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, visit));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, visit)]));
  }
  return value;
}

/** Visits every referencing place of an interaction; returns it rebuilt with what the visits returned, keys in order. */
export function visitInteraction(raw: Json, visit: Visit): Json {
  return Object.fromEntries(
    Object.entries(raw).map(([key, value]) => {
      const code = CODE_KEYS[key];
      if (code && typeof value === 'string') return [key, visit(code, value)];
      if (key === 'content' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const content = Object.entries(value).map(([inner, item]) =>
          CONTENT_KEYS_SKIPPED.has(inner) ? [inner, item] : [inner, mapStrings(item, (text) => visit('text', text))],
        );
        return [key, Object.fromEntries(content)];
      }
      if (key === 'quickReplies') return [key, mapStrings(value, (text) => visit('text', text))];
      if (key === 'responseMatches') return [key, mapStrings(value, (text) => visit('interaction', text))];
      return [key, value];
    }),
  );
}

const isCode = (where: UsagePlace) => where === 'preProcess' || where === 'postProcess' || where === 'transformScript';

/** The characters a custom data field read follows in this place: see fieldReads. */
export const fieldOpeners = (where: UsagePlace) => (isCode(where) ? FIELD_OPENERS_IN_CODE : FIELD_OPENERS_IN_TEXT);

/** The line around a position, trimmed to a readable length. */
export function excerptAt(value: string, index: number): string {
  const start = value.lastIndexOf('\n', index - 1) + 1;
  const end = value.indexOf('\n', index);
  const line = value.slice(start, end === -1 ? undefined : end).trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** The lines that differ between two versions of a text (a rename never adds or removes lines). */
export function changedLines(before: string, after: string): { before: string; after: string } {
  const left = before.split('\n');
  const right = after.split('\n');
  if (left.length !== right.length) return { before, after };
  const indexes = left.map((line, index) => (line === right[index] ? -1 : index)).filter((index) => index >= 0);
  return { before: indexes.map((index) => left[index]!).join('\n'), after: indexes.map((index) => right[index]!).join('\n') };
}
