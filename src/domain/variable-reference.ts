import { z } from 'zod';

/** `{$botContext.name}` or `{$env.name}`: resolved by the bot runtime when the integration runs. */
export const VARIABLE_REFERENCE_PATTERN = /^\{\$(botContext|env)\.([A-Za-z_][A-Za-z0-9_.]*)\}$/;
/** LiveEngage ids are positive longs; kept as text so 19 digits survive JSON. */
export const POSITIVE_ID_PATTERN = /^[1-9][0-9]{0,18}$/;

export function isVariableReference(value: string): boolean {
  return VARIABLE_REFERENCE_PATTERN.test(value);
}

export function idOrVariableSchema(label: string) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required: enter a number such as 12345 or a variable such as {$botContext.skillId}.`)
    .refine(
      (value) => POSITIVE_ID_PATTERN.test(value) || isVariableReference(value),
      `${label} must be a positive whole number (up to 19 digits) or one variable reference such as {$botContext.skillId} or {$env.skillId}.`,
    );
}
