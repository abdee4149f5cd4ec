import { field } from './descriptor';

/**
 * Fields every integration type has, in the order the panel shows them: what the panel and
 * Conversation Builder call them, what a new form starts with, and how their schema is built.
 */
export const COMMON_FIELD_DESCRIPTORS = {
  name: field({
    schema: (k) => k.identifierSchema('Integration Name'),
    required: true,
    label: 'Integration Name',
    help: "Enter a name that's meaningful (it describes well the integration's purpose), concise, and follows a consistent pattern. Letters, digits and underscores, starting with a letter.",
    initial: '',
    cbKey: 'name',
  }),
  responseDataVariable: field({
    // Left empty, it takes the integration's name (see integrationInputSchema): required in the form all the same.
    schema: (k) => k.optionalIdentifierSchema('Response Data Variable Name').optional(),
    required: true,
    label: 'Response Data Variable Name',
    help: 'The variable that gets populated with the response: the raw result lives in the bot variable api_<name>. It follows the Integration Name until you change it.',
    initial: '',
    cbKey: 'responseDataVariable',
  }),
  transformScript: field({
    schema: (k) => k.transformScriptSchema,
    label: 'Transform Result Script',
    help: 'If applicable, write JavaScript that transforms the raw result (typically JSON), so you can use the information in the bot’s dialog. Use the Response Data Variable Name with the api_ prefix.',
    initial: '',
    cbKey: 'transformResultsScript',
  }),
  customDataFields: field({
    schema: (k) => k.customDataFieldsSchema,
    label: 'Custom Data Fields',
    help: 'Add the fields that will store the result data in key/value pairs. Dialogs display this data by referencing these fields.',
    initial: [],
    cbKey: 'customDataFields',
  }),
};

export type CommonFieldName = keyof typeof COMMON_FIELD_DESCRIPTORS;

/** The discriminator: its CB key is `integrationType`, whose values are the type names. */
export const TYPE_FIELD = {
  label: 'Integration Type',
  help: 'Selecting a type changes the rest of the form; the name, variable, script and custom data fields are kept.',
  cbKey: 'integrationType',
} as const;
