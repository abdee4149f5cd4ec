import type { z } from 'zod';
import { botExtrasSchema, responderExtrasSchema, type BotExtras, type ResponderExtras } from '../../domain/cb-export';

/**
 * The `extras` columns are jsonb, and jsonb reorders object keys (shorter keys
 * first). The kept parts of a CB file (dialogs, interactions, `results`, ...) must
 * come back in their own key order, or every exported file would differ from the
 * imported one in source control. So the extras are stored as JSON text inside
 * the jsonb value, which keeps the order byte for byte.
 */
export function encodeExtras(extras: BotExtras | ResponderExtras | null): Record<string, unknown> {
  return extras ? { cbExtrasJson: JSON.stringify(extras) } : {};
}

/** Whatever the column holds (jsonb admits any JSON, and rows outlive the code that wrote them). */
function decode<T>(stored: unknown, schema: z.ZodType<T>): T | null {
  const text = stored && typeof stored === 'object' ? (stored as Record<string, unknown>).cbExtrasJson : undefined;
  if (typeof text !== 'string') return null;
  // A row whose extras no longer parse is exported like one made in the panel rather than failing the export.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function decodeBotExtras(stored: Record<string, unknown>): BotExtras | null {
  return decode(stored, botExtrasSchema);
}

export function decodeResponderExtras(stored: Record<string, unknown>): ResponderExtras | null {
  return decode(stored, responderExtrasSchema);
}

/** The arrays of a CB file that hold its dialogs and interactions: kept one item a row (bot_dialog_items). */
export const DIALOG_LISTS = ['groups', 'conversationMessage'] as const;
export type DialogList = (typeof DIALOG_LISTS)[number];

export interface DialogItemRow {
  list: DialogList;
  position: number;
  /** The item as JSON text, in its own key order. */
  item: string;
}

/** Marks extras whose dialog lists are kept apart; rows written before hold the whole file in cbExtrasJson. */
export const ITEMS_APART = 'cbDialogItemsApart';

export const hasItemsApart = (stored: Record<string, unknown>): boolean => stored[ITEMS_APART] === true;

/**
 * A bot's extras as stored: the file without its dialogs and interactions (each list left in its place in
 * the key order, empty), and those as one row per item. A read of the dialogs then parses small items one
 * at a time, letting other requests in between, instead of the whole file at once (28 MB at 20,000 dialogs).
 */
export function encodeBotExtras(extras: BotExtras | null): { extras: Record<string, unknown>; items: DialogItemRow[] } {
  if (!extras) return { extras: {}, items: [] };
  const topLevel = { ...extras.topLevel };
  const items: DialogItemRow[] = [];
  for (const list of DIALOG_LISTS) {
    const value = topLevel[list];
    if (!Array.isArray(value)) continue;
    value.forEach((item, position) => items.push({ list, position, item: JSON.stringify(item) }));
    topLevel[list] = [];
  }
  return { extras: { cbExtrasJson: JSON.stringify({ ...extras, topLevel }), [ITEMS_APART]: true }, items };
}

/** The (empty) arrays a decoded rest keeps in its lists' places, to be filled with the items. */
export function listsOf(extras: BotExtras): Partial<Record<DialogList, unknown[]>> {
  const lists: Partial<Record<DialogList, unknown[]>> = {};
  for (const list of DIALOG_LISTS) {
    if (!Array.isArray(extras.topLevel[list])) continue;
    const filled: unknown[] = [];
    extras.topLevel[list] = filled;
    lists[list] = filled;
  }
  return lists;
}
