/**
 * Environments: named sets of variables a bot's integrations read as `{$env.NAME}` (Conversation Builder's
 * bot environment variables). A secret variable's value is write-only: it is sealed at rest, answered only
 * as set or not set, and masked wherever a run prints it. Pure: the forms and the server share it.
 */
import { z } from 'zod';
import { nameString } from './names';

// The pure helpers live apart so the integration form reads them without loading zod.
export { envNamesIn, envReferencesOf, previewRowsOf, resolveEnvText, SECRET_MASK } from './env-references';

/** Conversation Builder's variable names: a letter or underscore, then letters, digits and underscores. */
const ENV_VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_ENV_VARIABLES = 500;
const MAX_ENV_VALUE_CHARS = 10_000;

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
