import { useMemo } from 'react';
import type { IntegrationType } from '../../../../domain/integration-types';
import { requiredFieldsOf } from '../../../../domain/required-fields';
import { helpFor } from './field-help';

export type FieldMeta = (field: string) => { name: string; required: boolean; help: string | undefined };

/** Required-ness comes from the domain schema, so the asterisks cannot drift from what the API enforces. */
export function useFieldMeta(type: IntegrationType): FieldMeta {
  return useMemo(() => {
    const required = requiredFieldsOf(type);
    return (field: string) => ({ name: field, required: required.has(field), help: helpFor(type, field) });
  }, [type]);
}
