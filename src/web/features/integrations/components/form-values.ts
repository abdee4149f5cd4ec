import type { Integration, IntegrationInput } from '../../../../domain/integration';
import type { IntegrationType } from '../../../../domain/integration-types';

export type FormValues = IntegrationInput;

type CommonValues = Pick<FormValues, 'name' | 'responseDataVariable' | 'transformScript' | 'customDataFields'>;

const EMPTY_COMMON: CommonValues = { name: '', responseDataVariable: '', transformScript: '', customDataFields: [] };

/** Every field of the type present, with the schema's defaults, so each input starts controlled. */
export function emptyValuesFor(type: IntegrationType, common: CommonValues = EMPTY_COMMON): FormValues {
  const base = {
    name: common.name,
    responseDataVariable: common.responseDataVariable ?? '',
    transformScript: common.transformScript ?? '',
    customDataFields: common.customDataFields ?? [],
  };
  switch (type) {
    case 'API':
    case 'FILE':
      return {
        ...base,
        type,
        method: type === 'API' ? 'GET' : 'PUT',
        url: '',
        credentialId: '',
        headers: [],
        requestParameters: [],
        postBody: '',
      } as FormValues;
    case 'EMAIL':
      return { ...base, type, to: '', replyTo: '', subject: '', body: '', html: false };
    case 'FAAS':
      return { ...base, type, functionId: '', headers: [], payload: '' };
    case 'KNOWLEDGE_AI':
      return { ...base, type, knowledgeBaseId: '', method: 'PHRASE_SEARCH', mode: 'INTENTS', threshold: 'GOOD', phrase: '{$query}', multipleResults: 1 };
    case 'LIVEPERSON_AGENT_ESCALATION':
      return {
        ...base,
        type,
        agentSkillName: '',
        agentSkillId: '',
        agentId: '',
        transferBotContext: false,
        messageToUser: '',
      };
  }
}

/** The editable part of a stored integration: what PUT takes back. */
export function valuesFromIntegration(integration: Integration): FormValues {
  const { id: _id, botId: _botId, createdAt: _createdAt, updatedAt: _updatedAt, version: _version, ...values } = integration;
  return { ...emptyValuesFor(values.type), ...values } as FormValues;
}

/**
 * Another type keeps what all types share and starts the rest from defaults:
 * the API rejects fields of another type, so none may linger.
 */
export function switchType(values: FormValues, type: IntegrationType): FormValues {
  const { name, responseDataVariable, transformScript, customDataFields } = values;
  return emptyValuesFor(type, { name, responseDataVariable, transformScript, customDataFields });
}

export const NEW_INTEGRATION_TYPE: IntegrationType = 'LIVEPERSON_AGENT_ESCALATION';
