import { z } from 'zod';

/** `{$botContext.name}` or `{$env.name}`: resolved by the bot runtime when the integration runs. */
export const VARIABLE_REFERENCE_PATTERN = /^\{\$(botContext|env)\.([A-Za-z_][A-Za-z0-9_.]*)\}$/;
/** Conversational Cloud ids are positive longs; kept as text so 19 digits survive JSON. */
export const POSITIVE_ID_PATTERN = /^[1-9][0-9]{0,18}$/;

export function isVariableReference(value: string): boolean {
  return VARIABLE_REFERENCE_PATTERN.test(value);
}

/** An agent as Conversational Cloud names one across accounts: `<accountId>.<userId>`, digits, a dot, digits. */
export const ACCOUNT_USER_ID_PATTERN = /^[1-9][0-9]{0,18}\.[1-9][0-9]{0,18}$/;

interface IdOrVariableOptions {
  /** The variable the messages give as the example: {$botContext.skillId} for a skill, {$botContext.agentId} for an agent. */
  variable?: string;
  /** Agent ids may also be `<accountId>.<userId>`. */
  accountUserId?: boolean;
}

export function idOrVariableSchema(label: string, { variable = 'skillId', accountUserId = false }: IdOrVariableOptions = {}) {
  const forms = accountUserId
    ? `a positive whole number (up to 19 digits), <accountId>.<userId> such as 12345678.4567890123, or one variable reference such as {$botContext.${variable}}`
    : `a positive whole number (up to 19 digits) or one variable reference such as {$botContext.${variable}} or {$env.${variable}}`;
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required: enter a number such as 12345 or a variable such as {$botContext.${variable}}.`)
    .refine(
      (value) => POSITIVE_ID_PATTERN.test(value) || isVariableReference(value) || (accountUserId && ACCOUNT_USER_ID_PATTERN.test(value)),
      `${label} must be ${forms}.`,
    );
}
