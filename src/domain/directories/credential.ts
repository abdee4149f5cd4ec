import { z } from 'zod';
import { nameString } from '../names';
import { CREDENTIAL_FIELD_LABELS, CREDENTIAL_SHAPES, CREDENTIAL_TYPES, type CredentialType } from './credential-types';
import { directoryUsageSchema } from './directory-usage';

const credentialName = nameString('Credential name')
  .trim()
  .min(1, 'Credential name is required.')
  .max(255, 'Credential name must be at most 255 characters.');

const plainField = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(2048, `${label} must be at most 2,048 characters.`);
const secretValue = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .min(1, `${label} must not be empty: leave it out to keep it unset.`)
    .max(8192, `${label} must be at most 8,192 characters.`);

function shapeOf<const F extends readonly string[], const S extends readonly string[]>(fields: F, secrets: S) {
  const fieldShape = Object.fromEntries(fields.map((key) => [key, plainField(CREDENTIAL_FIELD_LABELS[key]!).default('')])) as {
    [K in F[number]]: z.ZodDefault<ReturnType<typeof plainField>>;
  };
  const secretShape = Object.fromEntries(secrets.map((key) => [key, secretValue(CREDENTIAL_FIELD_LABELS[key]!).optional()])) as {
    [K in S[number]]: z.ZodOptional<ReturnType<typeof secretValue>>;
  };
  // A patch may also clear a secret with null.
  const secretPatchShape = Object.fromEntries(
    secrets.map((key) => [key, secretValue(CREDENTIAL_FIELD_LABELS[key]!).nullable().optional()]),
  ) as { [K in S[number]]: z.ZodOptional<z.ZodNullable<ReturnType<typeof secretValue>>> };
  return {
    fields: z.strictObject(fieldShape).default({} as never),
    secrets: z.strictObject(secretShape).default({} as never),
    fieldPatch: z.strictObject(fieldShape).partial(),
    secretPatch: z.strictObject(secretPatchShape),
  };
}

export const credentialShapeSchemas = {
  OAUTH2: shapeOf(CREDENTIAL_SHAPES.OAUTH2.fields, CREDENTIAL_SHAPES.OAUTH2.secrets),
  BASIC: shapeOf(CREDENTIAL_SHAPES.BASIC.fields, CREDENTIAL_SHAPES.BASIC.secrets),
  API_KEY: shapeOf(CREDENTIAL_SHAPES.API_KEY.fields, CREDENTIAL_SHAPES.API_KEY.secrets),
  BEARER: shapeOf(CREDENTIAL_SHAPES.BEARER.fields, CREDENTIAL_SHAPES.BEARER.secrets),
};

const inputOf = <T extends CredentialType>(type: T) =>
  z.strictObject({
    name: credentialName,
    type: z.literal(type),
    fields: credentialShapeSchemas[type].fields,
    secrets: credentialShapeSchemas[type].secrets,
  });

export const credentialInputSchema = z.discriminatedUnion(
  'type',
  [inputOf('OAUTH2'), inputOf('BASIC'), inputOf('API_KEY'), inputOf('BEARER')],
  { error: `Type must be one of ${CREDENTIAL_TYPES.join(', ')}.` },
);
export type CredentialInput = z.output<typeof credentialInputSchema>;

/** Rename and change fields or secrets; the type stays (make a new credential for another type). */
export const credentialPatchSchema = z.strictObject({
  name: credentialName.optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
  secrets: z.record(z.string(), z.unknown()).optional(),
});
export type CredentialPatch = z.output<typeof credentialPatchSchema>;

/** What every route answers: secrets only as whether they are set. */
export const credentialSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(CREDENTIAL_TYPES),
  fields: z.record(z.string(), z.string()),
  secretsSet: z.record(z.string(), z.boolean()),
  usedBy: z.array(directoryUsageSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().positive(),
});
export type Credential = z.infer<typeof credentialSchema>;

export const credentialListSchema = z.object({ items: z.array(credentialSchema) });
