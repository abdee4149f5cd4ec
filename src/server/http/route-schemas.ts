import { z } from 'zod';
import { problemSchema } from '../../domain/problem';

/** The problem+json answers a route may give, for the OpenAPI document and serialization. */
export function problems<const S extends readonly number[]>(...statuses: S) {
  return Object.fromEntries(statuses.map((status) => [status, problemSchema])) as Record<S[number], typeof problemSchema>;
}

export const botParams = z.strictObject({ botId: z.uuid('botId must be a UUID.') });
export const integrationParams = botParams.extend({ id: z.uuid('id must be a UUID.') });

/** The largest PostgreSQL `integer` (int4), the type versions are stored as. */
const INT4_MAX = 2_147_483_647;

/**
 * A whole number from 1 that a path or query names a stored integer with (a version). Bounded to int4: a
 * larger one reached SQL and failed there as a 500 ("out of range for type integer"), where it names nothing.
 */
export const storedIntegerParam = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a whole number.` })
    .int(`${name} must be a whole number.`)
    .min(1, `${name} must be positive.`)
    .max(INT4_MAX, `${name} must be at most ${INT4_MAX}.`);

export const ifMatchHeader = z.object({
  'if-match': z
    .string()
    .optional()
    .describe('The ETag read with GET, e.g. "3"; a list of ETags or * also match (strong comparison). Required.'),
});

/** A `?flag=true|false` query parameter, false when left out. */
export const booleanQuery = (name: string) =>
  z
    .enum(['true', 'false'], { error: `${name} must be true or false.` })
    .default('false')
    .transform((value) => value === 'true');
