/**
 * Environments: named sets of variables a bot's integrations read as `{$env.NAME}` (Conversation Builder's
 * bot environment variables). A secret variable's value is write-only: it is sealed at rest, answered only
 * as set or not set, and masked wherever a run prints it. Pure: the forms and the server share it.
 */
import { z } from 'zod';
import { nameString } from './names';

/** Conversation Builder's variable names: a letter or underscore, then letters, digits and underscores. */
export const ENV_VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const MAX_ENV_VARIABLES = 500;
export const MAX_ENV_VALUE_CHARS = 10_000;
/** What a printed secret becomes: its length is not told either. */
export const SECRET_MASK = '••••••';

const variableName = z
  .string({ error: 'Variable name is required.' })
  .trim()
  .min(1, 'Variable name is required.')
  .max(100, 'Variable name must be at most 100 characters.')
  .regex(ENV_VARIABLE_NAME_PATTERN, 'Variable name must start with a letter or _ and hold only letters, digits and _ (e.g. SKILL_ID).');

const variableValue = z.string({ error: 'Value must be text.' }).max(MAX_ENV_VALUE_CHARS, 'Value must be at most 10,000 characters.');

/**
 * A variable as a write gives it. A secret's value may be left out: a new secret is then not set, and a
 * PATCH keeps the value stored under the same name (as a credential's secret left out is kept).
 */
export const environmentVariableInputSchema = z
  .strictObject({ name: variableName, value: variableValue.optional(), secret: z.boolean().default(false) })
  .refine((row) => row.secret || row.value !== undefined, { message: 'Value is required.', path: ['value'] });
export type EnvironmentVariableInput = z.input<typeof environmentVariableInputSchema>;

const environmentName = nameString('Environment name')
  .trim()
  .min(1, 'Environment name is required.')
  .max(100, 'Environment name must be at most 100 characters.');
const description = z.string().max(1000, 'Description must be at most 1,000 characters.');
const variables = z
  .array(environmentVariableInputSchema)
  .max(MAX_ENV_VARIABLES, `An environment holds at most ${MAX_ENV_VARIABLES} variables.`);

export const environmentInputSchema = z.strictObject({
  name: environmentName,
  description: description.default(''),
  variables: variables.default([]),
});
export type EnvironmentInput = z.input<typeof environmentInputSchema>;

// No defaults: what a PATCH leaves out keeps its stored value.
export const environmentPatchSchema = z.strictObject({
  name: environmentName.optional(),
  description: description.optional(),
  variables: variables.optional(),
});
export type EnvironmentPatch = z.input<typeof environmentPatchSchema>;

/** A variable as answered: a secret never with its value. */
export const environmentVariableSchema = z.union([
  z.strictObject({ name: z.string(), value: z.string(), secret: z.literal(false) }),
  z.strictObject({ name: z.string(), secret: z.literal(true), set: z.boolean() }),
]);
export type EnvironmentVariable = z.infer<typeof environmentVariableSchema>;

export const environmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  variables: z.array(environmentVariableSchema),
  /** The bots whose environment this is. */
  usedBy: z.array(z.object({ id: z.uuid(), name: z.string() })),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().positive(),
});
export type Environment = z.infer<typeof environmentSchema>;
export const environmentListSchema = z.object({ items: z.array(environmentSchema) });

/** The first duplicate variable name (names are compared as typed: the platform's names are case sensitive). */
export function duplicateVariable(rows: readonly { name: string }[]): { index: number; name: string } | null {
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    if (seen.has(row.name)) return { index, name: row.name };
    seen.add(row.name);
  }
  return null;
}

const ENV_REFERENCE = /\{\$env\.([A-Za-z_][A-Za-z0-9_.]*)\}/g;

/** The `{$env.NAME}` names a text uses, in order, each once. */
export function envNamesIn(text: string): string[] {
  return [...new Set([...text.matchAll(ENV_REFERENCE)].map((match) => match[1]!))];
}

export interface EnvReference {
  name: string;
  /** The field's path in the integration: `url`, `headers.0.value`, `customDataFields.2.value`. */
  field: string;
}

const NOT_TEXT_FIELDS = new Set(['id', 'botId', 'type', 'createdAt', 'updatedAt', 'version', 'transformScript']);

/**
 * Every `{$env.NAME}` an integration's text fields use (URL, headers, body, parameters, skill and agent ids,
 * message, custom data values, email fields, function and knowledge-base ids), with the field it is in.
 * The script reads variables with getEnvVariable, which is not text resolution, so it is left out.
 */
export function envReferencesOf(integration: Readonly<Record<string, unknown>>): EnvReference[] {
  const found: EnvReference[] = [];
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      for (const name of envNamesIn(value)) found.push({ name, field: path });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}.${index}`));
    } else if (value && typeof value === 'object') {
      for (const [key, member] of Object.entries(value)) visit(member, `${path}.${key}`);
    }
  };
  for (const [key, value] of Object.entries(integration)) {
    if (!NOT_TEXT_FIELDS.has(key)) visit(value, key);
  }
  return found;
}

/** What the form shows beside a field: the text with each reference filled in, secrets masked, and the names missing. */
export function resolveEnvText(
  text: string,
  variables: readonly EnvironmentVariable[],
): { text: string; missing: string[]; usesSecret: boolean } {
  const byName = new Map(variables.map((variable) => [variable.name, variable]));
  const missing: string[] = [];
  let usesSecret = false;
  const resolved = text.replace(ENV_REFERENCE, (reference, name: string) => {
    const variable = byName.get(name);
    if (!variable) {
      missing.push(name);
      return reference;
    }
    if (variable.secret) {
      usesSecret = true;
      return SECRET_MASK;
    }
    return variable.value;
  });
  return { text: resolved, missing, usesSecret };
}

/** The rows a preview or a Test run reads `{$env.X}` from: secrets as the mask, since the browser never has them. */
export function previewRowsOf(variables: readonly EnvironmentVariable[]): Array<{ key: string; value: string }> {
  return variables.map((variable) => ({ key: variable.name, value: variable.secret ? SECRET_MASK : variable.value }));
}
