import type { z } from 'zod';
import { yieldIfDue } from './event-loop-slices';

/**
 * Values just produced by parsing with a schema: checking them again for the same schema would find
 * the same. A repository parses what it reads (which also fills defaults an older row lacks); the
 * response serializer then skips its own check of that value, unchanged, against that schema.
 */
const parsedWith = new WeakMap<object, z.ZodType>();

export function parseAndRemember<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const value = schema.parse(data);
  if (typeof value === 'object' && value !== null) parsedWith.set(value, schema);
  return value;
}

export function wasParsedWith(value: unknown, schema: z.ZodType): boolean {
  return typeof value === 'object' && value !== null && parsedWith.get(value) === schema;
}

/**
 * A list answer checked one item at a time, letting other requests in between: a page of 1,000 dialogs
 * checked whole held the server 190-450 ms (on a loaded machine). The envelope is checked with its items
 * left out, then the answer is remembered as checked against the list's schema.
 */
export async function parseListInSlices<S extends z.ZodType, T>(
  listSchema: S,
  itemSchema: z.ZodType<T>,
  answer: { items: unknown[] } & Record<string, unknown>,
): Promise<z.output<S>> {
  const items: T[] = [];
  for (const item of answer.items) {
    items.push(itemSchema.parse(item));
    await yieldIfDue();
  }
  const value = { ...(listSchema.parse({ ...answer, items: [] }) as object), items } as z.output<S>;
  parsedWith.set(value as object, listSchema);
  return value;
}
