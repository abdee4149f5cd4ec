import { badRequest } from '../errors';

/** Lists are ordered by (lower(name), id); the cursor is the last row's pair, sealed and opaque to clients. */
interface NameCursor {
  nameKey: string;
  id: string;
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

/** Authenticated encryption with a key every server of the database shares (the credentials' SecretBox). */
interface CursorSeal {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

const unknownCursor = () =>
  badRequest('cursor is not one this API gave out: pass the nextCursor of the previous page unchanged.', {
    cursor: 'Unknown cursor: use nextCursor from the previous page.',
  });

/**
 * The list cursors the API gives out, sealed (AES-256-GCM) with the secrets key, bound to their list
 * (`scope`: the bots, or one bot's integrations). A cursor the API did not give out, or gave out for
 * another list, does not open: 400, before anything reaches SQL. All the servers of one database share
 * the key (SECRETS_KEY, or DATA_DIR/secrets.key), so behind a balancer each opens the others' cursors.
 */
export function createListCursors(box: CursorSeal) {
  const context = (scope: string) => `list-cursor:${scope}`;
  return {
    encode(cursor: NameCursor, scope: string): string {
      return box.seal(JSON.stringify([cursor.nameKey, cursor.id]), context(scope));
    },

    decode(text: string | undefined, scope: string): NameCursor | null {
      if (text === undefined || text === '') return null;
      let value: unknown;
      try {
        value = JSON.parse(box.open(text, context(scope)));
      } catch {
        throw unknownCursor();
      }
      // Checked as strictly as any input all the same: what opens was sealed by this code.
      if (!isNameCursor(value)) throw unknownCursor();
      return { nameKey: value[0], id: value[1] };
    },

    /** Takes one row more than asked, to know whether another page follows. */
    pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => NameCursor, scope: string) {
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? this.encode(cursorOf(last), scope) : null };
    },
  };
}
export type ListCursors = ReturnType<typeof createListCursors>;
