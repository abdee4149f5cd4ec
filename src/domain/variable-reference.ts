/** `{$botContext.name}` or `{$env.name}`: resolved by the bot runtime when the integration runs. */
const VARIABLE_REFERENCE_PATTERN = /^\{\$(botContext|env)\.([A-Za-z_][A-Za-z0-9_.]*)\}$/;
/** Conversational Cloud ids are positive longs; kept as text so 19 digits survive JSON. */
export const POSITIVE_ID_PATTERN = /^[1-9][0-9]{0,18}$/;

export function isVariableReference(value: string): boolean {
  return VARIABLE_REFERENCE_PATTERN.test(value);
}

/** An agent as Conversational Cloud names one across accounts: `<accountId>.<userId>`, digits, a dot, digits. */
export const ACCOUNT_USER_ID_PATTERN = /^[1-9][0-9]{0,18}\.[1-9][0-9]{0,18}$/;
