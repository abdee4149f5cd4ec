import type { z } from 'zod';

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
