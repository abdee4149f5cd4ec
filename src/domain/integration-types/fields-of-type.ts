import type { IntegrationInput, IntegrationInputOf } from '../integration';
import { COMMON_FIELD_DESCRIPTORS, TYPE_FIELD, type CommonFieldName } from './common-fields';
import type { FieldDescriptor, FieldDescriptors } from './descriptor';
import { INTEGRATION_TYPE_DESCRIPTOR, type IntegrationType } from './index';

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

const EXAMPLE_NAMES: Record<IntegrationType, string> = {
  API: 'TrackShipment',
  EMAIL: 'EmailReceipt',
  FILE: 'UploadInvoice',
  FAAS: 'ShippingCost',
  KNOWLEDGE_AI: 'ReturnsArticles',
  LIVEPERSON_AGENT_ESCALATION: 'TransferToSales',
};

type FieldText = Omit<FieldDescriptor, 'schema' | 'initial'>;

/** The descriptor of a field of the type, common or its own; undefined for a field the type does not have. */
export function fieldDescriptorOf(type: IntegrationType, field: string): FieldText | undefined {
  if (field === 'type') return TYPE_FIELD;
  if (field === 'name' || field === 'responseDataVariable') {
    // A name for that kind of integration, in the demo's style but none the demo has (that would read as filled in, or taken).
    return { ...COMMON_FIELD_DESCRIPTORS[field], placeholder: EXAMPLE_NAMES[type] };
  }
  if (Object.hasOwn(COMMON_FIELD_DESCRIPTORS, field)) return COMMON_FIELD_DESCRIPTORS[field as CommonFieldName];
  const own = INTEGRATION_TYPE_DESCRIPTOR[type].fields as FieldDescriptors;
  return Object.hasOwn(own, field) ? own[field] : undefined;
}

/** The fields of a type that a person must fill in (the form's asterisks), the type itself included. */
export function requiredFieldsOf(type: IntegrationType): ReadonlySet<string> {
  const fields = { ...COMMON_FIELD_DESCRIPTORS, ...(INTEGRATION_TYPE_DESCRIPTOR[type].fields as FieldDescriptors) };
  return new Set(['type', ...Object.entries(fields).flatMap(([field, descriptor]) => (descriptor.required ? [field] : []))]);
}
