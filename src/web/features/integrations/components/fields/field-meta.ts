import { useMemo } from 'react';
import type { IntegrationType, RowPlaceholder, TypeFieldName } from '../../../../../domain/integration-types';
import { COMMON_FIELD_DESCRIPTORS } from '../../../../../domain/integration-types/common-fields';
import { fieldDescriptorOf, requiredFieldsOf } from '../../../../../domain/integration-types/fields-of-type';

/** A field the form of type T shows: one of the common ones, the type, or one of T's own. */
export type FormFieldName<T extends IntegrationType = IntegrationType> = keyof typeof COMMON_FIELD_DESCRIPTORS | 'type' | TypeFieldName<T>;

export interface FieldProps<F extends string = string> {
  name: F;
  label: string;
  required: boolean;
  help: string | undefined;
  /** The example an empty text input shows, from the type's descriptor. */
  placeholder: string | undefined;
  /** The examples an empty key/value row shows. */
  rowPlaceholder: RowPlaceholder | undefined;
}

/** Label, help, required-ness and examples of a field, from its type's descriptor: a field name the type lacks does not compile. */
export type FieldMeta<T extends IntegrationType = IntegrationType> = <F extends FormFieldName<T>>(field: F) => FieldProps<F>;

/** Required-ness comes from the descriptors, checked against the domain schema, so the asterisks cannot drift from what the API enforces. */
export function useFieldMeta<T extends IntegrationType>(type: T): FieldMeta<T> {
  return useMemo(() => {
    const required = requiredFieldsOf(type);
    return <F extends FormFieldName<T>>(field: F) => {
      const descriptor = fieldDescriptorOf(type, field);
      return {
        name: field,
        label: descriptor?.label ?? field,
        required: required.has(field),
        help: descriptor?.help,
        placeholder: descriptor?.placeholder,
        rowPlaceholder: descriptor?.rowPlaceholder,
      };
    };
  }, [type]);
}

/** Label and help of a common field, for the parts of the form outside the type's fields. */
export function commonFieldText(field: keyof typeof COMMON_FIELD_DESCRIPTORS): { label: string; help: string } {
  const { label, help } = COMMON_FIELD_DESCRIPTORS[field];
  return { label, help };
}
