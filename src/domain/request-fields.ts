import { z } from 'zod';
import { ACCOUNT_USER_ID_PATTERN, isVariableReference, POSITIVE_ID_PATTERN } from './variable-reference';

const PLACEHOLDER = /\{\$[A-Za-z_][A-Za-z0-9_.]*\}/g;
const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const VARIABLE = /^\{\$(botContext|env)\.[A-Za-z_][A-Za-z0-9_.]*\}$/;

/** An http(s) URL; `{$botContext.x}` placeholders may stand anywhere in it. */
export function urlSchema(label: string) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required: the http or https address to call.`)
    .max(2048, `${label} must be at most 2,048 characters.`)
    .refine((value) => {
      if (!/^https?:\/\//i.test(value)) return false;
      try {
        new URL(value.replace(PLACEHOLDER, 'placeholder'));
        return true;
      } catch {
        return false;
      }
    }, `${label} must be an http or https address such as https://api.example.com/orders/{$botContext.orderId}.`);
}

/** Comma-separated e-mail addresses or bot variables, as the Email integration takes them. */
export function addressListSchema(label: string, required: boolean) {
  return z
    .string()
    .trim()
    .max(2000, `${label} must be at most 2,000 characters.`)
    .superRefine((value, ctx) => {
      if (value === '') {
        if (required) ctx.addIssue({ code: 'custom', message: `${label} is required: one or more e-mail addresses, separated by commas.` });
        return;
      }
      const wrong = value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => !EMAIL.test(part) && !VARIABLE.test(part));
      if (wrong.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} must list e-mail addresses or variables such as {$botContext.email}, separated by commas; "${wrong[0]}" is neither.`,
        });
      }
    });
}

/** Required text, kept as typed; text of spaces and line breaks alone is as good as none, as the platform reads it. */
export function requiredText(label: string, max: number, hint = '') {
  return z
    .string({ error: `${label} is required.` })
    .max(max, `${label} must be at most ${max.toLocaleString('en-US')} characters.`)
    .refine(
      (value) => value.trim().length > 0,
      `${label} is required${hint ? `: ${hint.charAt(0).toLowerCase()}${hint.slice(1)}` : '.'} Spaces alone are not a message.`,
    );
}

export function optionalText(label: string, max: number) {
  return z
    .string()
    .max(max, `${label} must be at most ${max.toLocaleString('en-US')} characters.`)
    .default('');
}

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
