import { z } from 'zod';
import { IDENTIFIER_PATTERN } from './identifier';
import { nameString } from './names';

export const MAX_CUSTOM_DATA_FIELDS = 100;
export const MAX_CUSTOM_DATA_VALUE_LENGTH = 1000;

export const customDataFieldSchema = z.strictObject({
  key: nameString('Key')
    .min(1, 'Key is required.')
    .max(64, 'Key must be at most 64 characters.')
    .regex(
      IDENTIFIER_PATTERN,
      'Key must start with a letter and contain only letters, digits and underscores (dialogs refer to it as {Integration.key}).',
    ),
  value: z
    .string({ error: 'Value is required.' })
    .min(1, 'Value is required: a path such as {$.api_Orders.items[0].id}.')
    .max(MAX_CUSTOM_DATA_VALUE_LENGTH, `Value must be at most ${MAX_CUSTOM_DATA_VALUE_LENGTH.toLocaleString('en-US')} characters.`),
});
export type CustomDataField = z.infer<typeof customDataFieldSchema>;

export const customDataFieldsSchema = z
  .array(customDataFieldSchema)
  .max(MAX_CUSTOM_DATA_FIELDS, `Custom Data Fields can hold at most ${MAX_CUSTOM_DATA_FIELDS} rows.`)
  .default([])
  .superRefine((rows, ctx) => {
    // Report every row after the first that reuses a key, so each offending row is marked.
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      if (seen.has(row.key)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: `Key "${row.key}" is used by another row: each key must be unique.`,
        });
      }
      seen.add(row.key);
    });
  });

/**
 * What a custom data value probably gets wrong, said as a warning, never a refusal (the platform
 * stores it as typed): a `$.api_…` path that reads another integration's result, or a path left
 * outside braces, which is sent as the text it is.
 */
export function customDataValueWarnings(value: string, ownVariable: string): string[] {
  const warnings: string[] = [];
  const inBraces = new Set<number>();
  for (const match of value.matchAll(/\{\$\.api_([A-Za-z0-9_]+)[^}]*\}/g)) {
    for (let index = match.index; index < match.index + match[0].length; index++) inBraces.add(index);
    const read = match[1]!;
    if (ownVariable && read !== ownVariable) {
      warnings.push(
        `{$.api_${read}…} reads another integration's result: this integration's fields see api_${ownVariable}. To show another integration's field, use {${read}.key} in the dialog instead.`,
      );
    }
  }
  for (const match of value.matchAll(/\$\.api_[A-Za-z0-9_]+[^\s{}]*/g)) {
    if (!inBraces.has(match.index)) {
      warnings.push(`${match[0]} is outside braces, so it is sent as written: wrap it as {${match[0]}} to read the result.`);
    }
  }
  return [...new Set(warnings)];
}
