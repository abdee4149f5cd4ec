import { z } from 'zod';
import { nameString } from './names';

const MAX_KEY_VALUE_ROWS = 100;

/** Request headers, request parameters and FaaS headers: free keys, free values. */
const keyValueSchema = z.strictObject({
  key: nameString('Key').min(1, 'Key is required.').max(256, 'Key must be at most 256 characters.'),
  value: z.string().max(4096, 'Value must be at most 4,096 characters.'),
});

export function keyValueListSchema(label: string) {
  return z.array(keyValueSchema).max(MAX_KEY_VALUE_ROWS, `${label} can hold at most ${MAX_KEY_VALUE_ROWS} rows.`).default([]);
}
