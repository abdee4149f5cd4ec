import { z } from 'zod';
import { IDENTIFIER_PATTERN } from './identifier';
import { MAX_CUSTOM_DATA_FIELDS, MAX_CUSTOM_DATA_VALUE_LENGTH } from './limits';
import { nameString } from './names';

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
