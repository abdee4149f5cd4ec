import type { IntegrationType } from './integration-types';
import { integrationInputSchemas } from './integration';

/**
 * The fields of a type that a person must fill in: those whose schema rejects
 * an empty value. Response Data Variable Name is required too, although the API
 * fills it from the name when a client leaves it empty.
 */
export function requiredFieldsOf(type: IntegrationType): ReadonlySet<string> {
  const shape = integrationInputSchemas[type].shape as Record<string, { safeParse(value: unknown): { success: boolean } }>;
  const required = new Set<string>(['type', 'responseDataVariable']);
  for (const [field, schema] of Object.entries(shape)) {
    if (field === 'type' || field === 'responseDataVariable') continue;
    if (!schema.safeParse(undefined).success && !schema.safeParse('').success) required.add(field);
  }
  return required;
}
