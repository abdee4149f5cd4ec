import { badRequest } from '../errors';

/** Lists are ordered by (lower(name), id); the cursor is the last row's pair, opaque to clients. */
export interface NameCursor {
  nameKey: string;
  id: string;
}

export function encodeCursor(cursor: NameCursor): string {
  return Buffer.from(JSON.stringify([cursor.nameKey, cursor.id])).toString('base64url');
}

/** Longer than any stored name (bots 100, integrations 64 characters), so every cursor we give out fits. */
const MAX_NAME_KEY_LENGTH = 256;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// What PostgreSQL text cannot hold: NUL, and half of a surrogate pair.
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what must be found
const UNCOMPARABLE = /\u0000|\p{Cs}/u;

/**
 * Cursors come back from clients, so they are checked as strictly as any input: a name key the
 * database can compare and an id that is a UUID. Anything else would reach SQL and fail there as a 500.
 */
function isNameCursor(value: unknown): value is [string, string] {
  if (!Array.isArray(value) || value.length !== 2) return false;
  const [nameKey, id] = value as unknown[];
  return (
    typeof nameKey === 'string' &&
    nameKey.length <= MAX_NAME_KEY_LENGTH &&
    !UNCOMPARABLE.test(nameKey) &&
    typeof id === 'string' &&
    UUID_PATTERN.test(id)
  );
}

export function decodeCursor(text: string | undefined): NameCursor | null {
  if (text === undefined || text === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (isNameCursor(value)) return { nameKey: value[0], id: value[1] };
  } catch {
    // fall through to the 400 below
  }
  throw badRequest('cursor is not one this API gave out: pass the nextCursor of the previous page unchanged.', {
    cursor: 'Unknown cursor: use nextCursor from the previous page.',
  });
}

/** Takes one row more than asked, to know whether another page follows. */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => NameCursor) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
