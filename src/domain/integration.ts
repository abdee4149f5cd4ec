import { z } from 'zod';
import { customDataFieldsSchema } from './custom-data-fields';
import { identifierSchema, optionalIdentifierSchema } from './identifier';
import { INTEGRATION_TYPE_DESCRIPTOR, INTEGRATION_TYPES, type DescriptorOf, type IntegrationType } from './integration-types';
import type { FieldDescriptor, FieldDescriptors } from './integration-types/descriptor';
import { transformScriptSchema } from './transform-script';

/** Fields every integration type has, in the order the panel shows them. */
const commonFields = {
  name: identifierSchema('Integration Name'),
  // Left empty, it takes the integration's name (see withDefaultResponseDataVariable).
  responseDataVariable: optionalIdentifierSchema('Response Data Variable Name').optional(),
  transformScript: transformScriptSchema,
  customDataFields: customDataFieldsSchema,
};

type CommonFieldName = keyof typeof commonFields;

/** What the panel and Conversation Builder call the common fields, and what a new form starts with. */
export const COMMON_FIELD_DESCRIPTORS: { readonly [K in CommonFieldName]: FieldDescriptor<(typeof commonFields)[K]> } = {
  name: {
    schema: commonFields.name,
    label: 'Integration Name',
    help: "Enter a name that's meaningful (it describes well the integration's purpose), concise, and follows a consistent pattern. Letters, digits and underscores, starting with a letter.",
    initial: '',
    cbKey: 'name',
  },
  responseDataVariable: {
    schema: commonFields.responseDataVariable,
    label: 'Response Data Variable Name',
    help: 'The variable that gets populated with the response: the raw result lives in the bot variable api_<name>. It follows the Integration Name until you change it.',
    initial: '',
    cbKey: 'responseDataVariable',
  },
  transformScript: {
    schema: commonFields.transformScript,
    label: 'Transform Result Script',
    help: 'If applicable, write JavaScript that transforms the raw result (typically JSON), so you can use the information in the bot’s dialog. Use the Response Data Variable Name with the api_ prefix.',
    initial: '',
    cbKey: 'transformResultsScript',
  },
  customDataFields: {
    schema: commonFields.customDataFields,
    label: 'Custom Data Fields',
    help: 'Add the fields that will store the result data in key/value pairs. Dialogs display this data by referencing these fields.',
    initial: [],
    cbKey: 'customDataFields',
  },
};

/** The discriminator: its CB key is `integrationType`, whose values are the type names. */
export const TYPE_FIELD = {
  label: 'Integration Type',
  help: 'Selecting a type changes the rest of the form; the name, variable, script and custom data fields are kept.',
  cbKey: 'integrationType',
} as const;

type SchemasOf<F extends FieldDescriptors> = { -readonly [K in keyof F]: F[K]['schema'] };

function schemasOf<F extends FieldDescriptors>(fields: F): SchemasOf<F> {
  return Object.fromEntries(Object.entries(fields).map(([field, descriptor]) => [field, descriptor.schema])) as SchemasOf<F>;
}

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

type CommonInput = Pick<IntegrationInput, CommonFieldName>;

/** Every field of the type present, with the form's starting values, so each input starts controlled. */
export function initialValuesOf<T extends IntegrationType>(type: T, common?: CommonInput): IntegrationInputOf<T> {
  const base = Object.fromEntries(Object.entries(COMMON_FIELD_DESCRIPTORS).map(([field, descriptor]) => [field, descriptor.initial]));
  const own = Object.entries(INTEGRATION_TYPE_DESCRIPTOR[type].fields as FieldDescriptors).map(([field, descriptor]) => [
    field,
    descriptor.initial,
  ]);
  // A common value left undefined takes the starting value, so its input stays controlled.
  const kept = Object.entries(common ?? {}).filter(([, value]) => value !== undefined);
  return { ...base, ...Object.fromEntries(kept), type, ...Object.fromEntries(own) } as IntegrationInputOf<T>;
}

/** The descriptor of a field of the type, common or its own; undefined for a field the type does not have. */
export function fieldDescriptorOf(type: IntegrationType, field: string): Omit<FieldDescriptor, 'schema' | 'initial'> | undefined {
  if (field === 'type') return TYPE_FIELD;
  if (Object.hasOwn(COMMON_FIELD_DESCRIPTORS, field)) return COMMON_FIELD_DESCRIPTORS[field as CommonFieldName];
  const own = INTEGRATION_TYPE_DESCRIPTOR[type].fields as FieldDescriptors;
  return Object.hasOwn(own, field) ? own[field] : undefined;
}

export const recordFields = {
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
