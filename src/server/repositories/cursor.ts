import { badRequest } from '../http/problems';

/** Lists are ordered by (lower(name), id); the cursor is the last row's pair, opaque to clients. */
export interface NameCursor {
  nameKey: string;
  id: string;
}

export function encodeCursor(cursor: NameCursor): string {
  return Buffer.from(JSON.stringify([cursor.nameKey, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string | undefined): NameCursor | null {
  if (text === undefined || text === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { nameKey: value[0], id: value[1] };
    }
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
