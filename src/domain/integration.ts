import { z } from 'zod';
import { customDataFieldsSchema } from './custom-data-fields';
import { identifierSchema, optionalIdentifierSchema } from './identifier';
import {
  API_METHODS,
  FILE_METHODS,
  INTEGRATION_TYPES,
  KNOWLEDGE_AI_METHODS,
  KNOWLEDGE_AI_MODES,
  KNOWLEDGE_AI_THRESHOLDS,
  type IntegrationType,
} from './integration-types';
import { keyValueListSchema } from './key-value';
import { addressListSchema, optionalText, requiredText, urlSchema } from './request-fields';
import { transformScriptSchema } from './transform-script';
import { idOrVariableSchema } from './variable-reference';

/** Fields every integration type has, in the order the panel shows them. */
const commonFields = {
  name: identifierSchema('Integration Name'),
  // Left empty, it takes the integration's name (see withDefaultResponseDataVariable).
  responseDataVariable: optionalIdentifierSchema('Response Data Variable Name').optional(),
  transformScript: transformScriptSchema,
  customDataFields: customDataFieldsSchema,
};

const httpRequestFields = {
  url: urlSchema('URL'),
  credentialId: optionalText('Credential', 128),
  headers: keyValueListSchema('Request Headers'),
  requestParameters: keyValueListSchema('Request Parameters'),
  postBody: optionalText('Post Body', 64 * 1024),
};

export const apiIntegrationInputSchema = z.strictObject({
  ...commonFields,
  type: z.literal('API'),
  method: z.enum(API_METHODS, { error: 'Method must be one of GET, POST, PUT, PATCH or DELETE.' }),
  ...httpRequestFields,
});

export const fileIntegrationInputSchema = z.strictObject({
  ...commonFields,
  type: z.literal('FILE'),
  method: z.enum(FILE_METHODS, { error: 'Method must be PUT or POST for a File integration.' }),
  ...httpRequestFields,
});

export const emailIntegrationInputSchema = z.strictObject({
  ...commonFields,
  type: z.literal('EMAIL'),
  to: addressListSchema('To', true),
  replyTo: addressListSchema('Reply To', false).default(''),
  subject: requiredText('Subject', 998),
  body: requiredText('Body', 64 * 1024),
  html: z.boolean({ error: 'Html Email must be true or false.' }).default(false),
});

export const faasIntegrationInputSchema = z.strictObject({
  ...commonFields,
  type: z.literal('FAAS'),
  functionId: requiredText('Function', 128, 'Pick the LivePerson function (lambda) to invoke.'),
  headers: keyValueListSchema('Function Headers'),
  payload: optionalText('Function Payload', 64 * 1024),
});

export const knowledgeAiIntegrationInputSchema = z.strictObject({
  ...commonFields,
  type: z.literal('KNOWLEDGE_AI'),
  knowledgeBaseId: requiredText('Knowledge Base', 128, 'Pick the knowledge base to search.'),
  method: z.enum(KNOWLEDGE_AI_METHODS, { error: 'Method must be PHRASE_SEARCH (Phrase Search).' }).default('PHRASE_SEARCH'),
  mode: z.enum(KNOWLEDGE_AI_MODES, { error: 'Mode must be INTENTS, INTENTS_ONLY or TEXT.' }).default('INTENTS'),
  threshold: z
    .enum(KNOWLEDGE_AI_THRESHOLDS, { error: 'Threshold must be VERY_GOOD, GOOD or FAIR_PLUS.' })
    .default('GOOD'),
  phrase: optionalText('Phrase', 2000).default('{$query}'),
  multipleResults: z
    .number({ error: 'Multiple Results must be a whole number from 1 to 5.' })
    .int('Multiple Results must be a whole number from 1 to 5.')
    .min(1, 'Multiple Results must be at least 1.')
    .max(5, 'Multiple Results must be at most 5.')
    .default(1),
});

export const agentEscalationIntegrationInputSchema = z.strictObject({
  ...commonFields,
  type: z.literal('LIVEPERSON_AGENT_ESCALATION'),
  agentSkillName: optionalText('Agent Skill Name', 255),
  agentSkillId: idOrVariableSchema('Agent Skill Id'),
  agentId: z.union([idOrVariableSchema('Agent Id'), z.literal('')]).default(''),
  transferBotContext: z.boolean({ error: 'Transfer Bot Context must be true or false.' }).default(false),
  messageToUser: requiredText(
    'Message to User',
    2000,
    'Enter the text sent before the transfer, or BLANK_MESSAGE to send none.',
  ),
});

const integrationInputUnion = z.discriminatedUnion(
  'type',
  [
    apiIntegrationInputSchema,
    emailIntegrationInputSchema,
    fileIntegrationInputSchema,
    faasIntegrationInputSchema,
    knowledgeAiIntegrationInputSchema,
    agentEscalationIntegrationInputSchema,
  ],
  { error: `Integration Type must be one of ${INTEGRATION_TYPES.join(', ')}.` },
);

/** What clients send to create or replace an integration (POST and PUT share it, so does the form). */
export const integrationInputSchema = integrationInputUnion.transform((input) => ({
  ...input,
  responseDataVariable: input.responseDataVariable || input.name,
}));
export type IntegrationInput = z.input<typeof integrationInputSchema>;
export type IntegrationValues = z.output<typeof integrationInputSchema>;

export const integrationInputSchemas = {
  API: apiIntegrationInputSchema,
  EMAIL: emailIntegrationInputSchema,
  FILE: fileIntegrationInputSchema,
  FAAS: faasIntegrationInputSchema,
  KNOWLEDGE_AI: knowledgeAiIntegrationInputSchema,
  LIVEPERSON_AGENT_ESCALATION: agentEscalationIntegrationInputSchema,
} as const satisfies Record<IntegrationType, z.ZodType>;

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

/** An integration as stored and returned by the API. */
export const integrationSchema = z.discriminatedUnion('type', [
  withRecordFields(apiIntegrationInputSchema),
  withRecordFields(emailIntegrationInputSchema),
  withRecordFields(fileIntegrationInputSchema),
  withRecordFields(faasIntegrationInputSchema),
  withRecordFields(knowledgeAiIntegrationInputSchema),
  withRecordFields(agentEscalationIntegrationInputSchema),
]);
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
  const { name: _name, responseDataVariable: _rdv, type: _type, transformScript: _script, customDataFields: _fields, ...rest } =
    values;
  return rest;
}
