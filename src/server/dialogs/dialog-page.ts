import { badRequest } from '../errors';

/*
 * GET …/dialogs answers every dialog of a bot up to DIALOG_PAGE of them, as it always did; a bigger bot's
 * answer is cut into pages of that many with a `nextCursor` (a bot of 5,000 dialogs answered 2 MB in one
 * piece, and drawing that answer held the server for most of a second).
 */

export const DIALOG_PAGE = 1_000;

const PREFIX = 'dialogs:';

export function encodeDialogCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`).toString('base64url');
}

/** The offset a cursor the API gave out stands for; anything else is a 400. */
export function decodeDialogCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const text = Buffer.from(cursor, 'base64url').toString();
  const offset = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(offset) || offset <= 0 || encodeDialogCursor(offset) !== cursor) {
    throw badRequest('cursor is not one this API gave out: start again without it.', {
      cursor: 'Use the nextCursor of a previous answer.',
    });
  }
  return offset;
}
