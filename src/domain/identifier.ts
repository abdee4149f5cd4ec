import { z } from 'zod';

/**
 * Integration names and response data variable names end up inside JSON paths
 * (`{$.api_<name>.a.b}`) and bot variable names, so they must be identifiers.
 */
export const IDENTIFIER_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

export function identifierSchema(label: string, maxLength = 64) {
  return z
    .string({ error: `${label} is required.` })
    .min(1, `${label} is required.`)
    .max(maxLength, `${label} must be at most ${maxLength} characters.`)
    .regex(
      IDENTIFIER_PATTERN,
      `${label} must start with a letter and contain only letters, digits and underscores (for example OrderStatus or get_orders).`,
    );
}
