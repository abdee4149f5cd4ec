import { yieldIfDue } from '../event-loop-slices';

/*
 * A whole set read as pages (every integration of a bot, every dialog item of its file). The embedded
 * database answers on the server's own thread, so one statement that answers thousands of rows is one long
 * task, parsing included, whatever the code around it does; pages of a few hundred rows keep each answer
 * short, and the work between them (parsing each page) lets other requests in.
 */

/** Rows a page holds: about 100 KB of a bot's dialog items, a few ms to answer on a loaded machine. */
const READ_PAGE_ROWS = 250;

/**
 * Every row `readPage` gives, page after page, each mapped in slices. `readPage(after, limit)` answers the
 * first `limit` rows after the row whose key is `after` (from the start when undefined), in key order.
 */
export async function readPaged<Row, Key, T>(
  readPage: (after: Key | undefined, limit: number) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  map: (row: Row) => T,
  limit = READ_PAGE_ROWS,
): Promise<T[]> {
  const all: T[] = [];
  for (let after: Key | undefined; ;) {
    const page = await readPage(after, limit);
    for (const row of page) {
      all.push(map(row));
      await yieldIfDue();
    }
    if (page.length < limit) return all;
    after = keyOf(page[page.length - 1]!);
  }
}
