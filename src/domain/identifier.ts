import { nameString } from './names';

/**
 * Integration names and response data variable names end up inside JSON paths
 * (`{$.api_<name>.a.b}`) and bot variable names, so they must be identifiers.
 */
export const IDENTIFIER_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

export function identifierSchema(label: string, maxLength = 64) {
  return nameString(label)
    .min(1, `${label} is required.`)
    .max(maxLength, `${label} must be at most ${maxLength} characters.`)
    .regex(
      IDENTIFIER_PATTERN,
      `${label} must start with a letter and contain only letters, digits and underscores (for example OrderStatus or get_orders).`,
    );
}

/** An identifier, or empty for "not set" (one schema rather than a union, so its messages reach the field). */
export function optionalIdentifierSchema(label: string, maxLength = 64) {
  return nameString(label)
    .max(maxLength, `${label} must be at most ${maxLength} characters.`)
    .regex(
      new RegExp(`^$|${IDENTIFIER_PATTERN.source}`),
      `${label} must start with a letter and contain only letters, digits and underscores (for example OrderStatus or get_orders).`,
    );
}
