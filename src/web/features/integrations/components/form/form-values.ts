import type { Integration, IntegrationInput } from '../../../../../domain/integration';
import { initialValuesOf } from '../../../../../domain/integration-types/fields-of-type';
import type { IntegrationType } from '../../../../../domain/integration-types';

export type FormValues = IntegrationInput;

type CommonValues = Pick<FormValues, 'name' | 'responseDataVariable' | 'transformScript' | 'customDataFields'>;

/** Every field of the type present, with the descriptor's starting values, so each input starts controlled. */
export function emptyValuesFor(type: IntegrationType, common?: CommonValues): FormValues {
  return initialValuesOf(type, common);
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
