import { z } from 'zod';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

export const pageQuerySchema = z.strictObject({
  q: z
    .string()
    .max(200, 'q must be at most 200 characters.')
    .overwrite((text) => text.normalize('NFC'))
    .optional(),
  limit: z.coerce
    .number({ error: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.` })
    .int(`limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
    .min(1, `limit must be at least 1.`)
    .max(MAX_PAGE_SIZE, `limit must be at most ${MAX_PAGE_SIZE}.`)
    .default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(2000).optional(),
});

/** A page of a list: `nextCursor` is null on the last page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
