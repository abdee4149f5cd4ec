import { z } from 'zod';
import type { DirectoryDescriptor } from './define-directory';
import { directoryKit } from './directory-kit';
import { directorySourceSchema, directoryUsageSchema } from './directory-usage';

/**
 * A directory's schemas, built from its descriptor: what create takes, what a PATCH takes, the id that
 * both create and the path parameter accept, and what every route answers.
 */
export function directorySchemas(descriptor: DirectoryDescriptor) {
  const k = directoryKit;
  const id = descriptor.id.schema(k);
  const fields = Object.entries(descriptor.fields);
  const variants = descriptor.variants;

  const createShape: Record<string, z.ZodType> = {};
  if (descriptor.id.given === 'required') createShape.id = id;
  if (descriptor.id.given === 'optional') createShape.id = id.optional();
  for (const [key, field] of fields) {
    if (key === variants?.by) continue;
    const schema = field.schema(k);
    createShape[key] = field.default !== undefined ? schema.default(field.default) : field.required ? schema : schema.optional();
  }

  // Variant fields (a credential's, by its type): on create a field left out is empty, on a PATCH it is kept.
  const variantShapes = variants
    ? Object.entries(variants.shapes).map(([variant, shape]) => {
        const label = (key: string) => variants.labels[key] ?? key;
        const plain = Object.fromEntries(shape.fields.map((key) => [key, k.plainField(label(key))]));
        const secrets = Object.fromEntries(shape.secrets.map((key) => [key, k.secretValue(label(key))]));
        return {
          variant,
          create: z.strictObject({
            ...createShape,
            [variants.by]: z.literal(variant),
            fields: z.strictObject(Object.fromEntries(Object.entries(plain).map(([key, schema]) => [key, schema.default('')]))).default({}),
            secrets: z
              .strictObject(Object.fromEntries(Object.entries(secrets).map(([key, schema]) => [key, schema.optional()])))
              .default({}),
          }),
          fieldPatch: z.strictObject(Object.fromEntries(Object.entries(plain).map(([key, schema]) => [key, schema.optional()]))),
          // A patch may also clear a secret with null.
          secretPatch: z.strictObject(
            Object.fromEntries(Object.entries(secrets).map(([key, schema]) => [key, schema.nullable().optional()])),
          ),
        };
      })
    : [];

  const input: z.ZodType<Record<string, unknown>> = variants
    ? z.discriminatedUnion(variants.by, variantShapes.map((shape) => shape.create) as unknown as [z.ZodObject, ...z.ZodObject[]], {
        error: `${descriptor.fields[variants.by]?.label ?? variants.by} must be one of ${Object.keys(variants.shapes).join(', ')}.`,
      })
    : z.strictObject(createShape);

  const patchShape: Record<string, z.ZodType> = Object.fromEntries(
    fields.filter(([, field]) => !field.createOnly).map(([key, field]) => [key, field.schema(k).optional()]),
  );
  if (variants) {
    patchShape.fields = z.record(z.string(), z.unknown()).optional();
    patchShape.secrets = z.record(z.string(), z.unknown()).optional();
  }
  const patchKeys = Object.keys(patchShape);
  const patch = z
    .strictObject(patchShape)
    .refine(
      (body) => Object.keys(body).length > 0,
      `Send at least one of ${patchKeys.slice(0, -1).join(', ')}${patchKeys.length > 1 ? ' or ' : ''}${patchKeys.at(-1)}.`,
    );

  const entryShape: Record<string, z.ZodType> = { id: z.string() };
  for (const [key] of fields) entryShape[key] = z.string();
  if (variants) {
    entryShape.fields = z.record(z.string(), z.string());
    entryShape.secretsSet = z.record(z.string(), z.boolean());
  }
  if (descriptor.usages) entryShape.usedBy = z.array(directoryUsageSchema);
  if (descriptor.timestamps) Object.assign(entryShape, { createdAt: z.iso.datetime(), updatedAt: z.iso.datetime() });
  // A local entry's version is its ETag; an entry read from LivePerson has none (it cannot be changed here).
  entryShape.version = descriptor.remote ? z.number().int().positive().optional() : z.number().int().positive();
  const entry = z.object(entryShape);
  const list = z.object(
    descriptor.remote
      ? {
          items: z.array(entry),
          source: directorySourceSchema,
          // A list read from LivePerson: when, and whether it is older than a refresh should have left it.
          fetchedAt: z.iso.datetime().optional(),
          stale: z.boolean().optional(),
        }
      : { items: z.array(entry) },
  );

  return {
    id,
    params: z.strictObject({ id }),
    input,
    patch,
    entry,
    list,
    /** Checks a PATCH's variant fields against the variant the entry has. */
    variantPatch: (variant: string) => variantShapes.find((shape) => shape.variant === variant),
  };
}
