import { z } from 'zod';
import { INTEGRATION_TYPE_DESCRIPTOR, INTEGRATION_TYPES, type DescriptorOf, type IntegrationType } from './integration-types';
import { COMMON_FIELD_DESCRIPTORS } from './integration-types/common-fields';
import type { FieldDescriptors } from './integration-types/descriptor';
import { identifierSchema } from './identifier';
import { schemaKit } from './integration-types/schema-kit';

export { COMMON_FIELD_DESCRIPTORS, TYPE_FIELD } from './integration-types/common-fields';

type SchemasOf<F extends FieldDescriptors> = { -readonly [K in keyof F]: ReturnType<F[K]['schema']> };

function schemasOf<F extends FieldDescriptors>(fields: F): SchemasOf<F> {
  return Object.fromEntries(Object.entries(fields).map(([field, descriptor]) => [field, descriptor.schema(schemaKit)])) as SchemasOf<F>;
}

/** Fields every integration type has, in the order the panel shows them. */
const commonFields = schemasOf(COMMON_FIELD_DESCRIPTORS);

/** A type's body: the common fields, the discriminator, then the type's own fields. */
function inputSchemaOf<T extends IntegrationType>(type: T) {
  const fields = INTEGRATION_TYPE_DESCRIPTOR[type].fields as DescriptorOf<T>['fields'];
  return z.strictObject({ ...commonFields, type: z.literal(type), ...schemasOf(fields) });
}
type InputSchemaOf<T> = T extends IntegrationType ? ReturnType<typeof inputSchemaOf<T>> : never;

export const integrationInputSchemas = Object.fromEntries(INTEGRATION_TYPES.map((type) => [type, inputSchemaOf(type)])) as {
  readonly [T in IntegrationType]: InputSchemaOf<T>;
};

// Mapped over a type parameter, so that the tuple of types gives a tuple of schemas.
type InputSchemasOf<Types extends readonly unknown[]> = { [I in keyof Types]: InputSchemaOf<Types[I]> };
const inputSchemaList = INTEGRATION_TYPES.map((type) => integrationInputSchemas[type]) as unknown as InputSchemasOf<
  typeof INTEGRATION_TYPES
>;

const integrationInputUnion = z.discriminatedUnion('type', inputSchemaList, {
  error: `Integration Type must be one of ${INTEGRATION_TYPES.join(', ')}.`,
});

/** What clients send to create or replace an integration (POST and PUT share it, so does the form). */
export const integrationInputSchema = integrationInputUnion.transform((input) => ({
  ...input,
  responseDataVariable: input.responseDataVariable || input.name,
}));
export type IntegrationInput = z.input<typeof integrationInputSchema>;
export type IntegrationValues = z.output<typeof integrationInputSchema>;
export type IntegrationInputOf<T extends IntegrationType> = Extract<IntegrationInput, { type: T }>;

const recordFields = {
  id: z.uuid(),
  botId: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().positive(),
};

function withRecordFields<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  return schema.extend({ ...recordFields, responseDataVariable: identifierSchema('Response Data Variable Name') });
}

type RecordSchemasOf<Schemas extends readonly z.ZodObject[]> = {
  [I in keyof Schemas]: Schemas[I] extends z.ZodObject<infer Shape> ? ReturnType<typeof withRecordFields<Shape>> : never;
};

/** An integration as stored and returned by the API. */
export const integrationSchema = z.discriminatedUnion(
  'type',
  (inputSchemaList as readonly z.ZodObject[]).map((schema) => withRecordFields(schema)) as unknown as RecordSchemasOf<
    typeof inputSchemaList
  >,
);
export type Integration = z.infer<typeof integrationSchema>;

/** One row of the panel's left list. */
export const integrationSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(INTEGRATION_TYPES),
  responseDataVariable: z.string(),
  version: z.number().int().positive(),
  updatedAt: z.iso.datetime(),
});
export type IntegrationSummary = z.infer<typeof integrationSummarySchema>;

/** The fields that belong to one type only (what is kept apart from the common columns). */
export function typeSpecificFields(values: IntegrationValues): Record<string, unknown> {
  const { name: _name, responseDataVariable: _rdv, type: _type, transformScript: _script, customDataFields: _fields, ...rest } = values;
  return rest;
}
