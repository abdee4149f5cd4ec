import { COMMON_FIELD_DESCRIPTORS, TYPE_FIELD, type IntegrationValues } from '../../domain/integration';
import { INTEGRATION_TYPE_DESCRIPTOR, INTEGRATION_TYPES, type IntegrationType } from '../../domain/integration-types';

/** [model field, CB responder key] pairs, in the order a new responder entry writes them. */
type FieldMap = ReadonlyArray<readonly [field: string, cbKey: string]>;

const cbPair = (field: string, descriptor: { cbKey: string }) => [field, descriptor.cbKey] as const;

/** Written by CB for every integration type seen (API); assumed for the others. In the order CB writes them. */
const COMMON: FieldMap = (['name', 'customDataFields', 'transformScript', 'responseDataVariable'] as const).map((field) =>
  cbPair(field, COMMON_FIELD_DESCRIPTORS[field]),
);

/**
 * The type-specific keys, from each type's descriptor. Only API is known from
 * real exports (`webhook`, `method`, `headers`, `postBody`); the others keep the
 * model's field names, except Agent Escalation's `tangoContextEnabled`.
 */
function typeFieldsOf(type: IntegrationType): FieldMap {
  return Object.entries(INTEGRATION_TYPE_DESCRIPTOR[type].fields).map(([field, descriptor]) => cbPair(field, descriptor));
}

export const CB_TYPE_KEY = TYPE_FIELD.cbKey;

/**
 * CB's `integrationType` value per type. "API" is the only one seen in real
 * exports; the others are our choice: the panel's own type names.
 */
const CB_INTEGRATION_TYPES: Record<IntegrationType, string> = Object.fromEntries(INTEGRATION_TYPES.map((type) => [type, type])) as Record<
  IntegrationType,
  string
>;

export function integrationTypeOfCb(value: unknown): IntegrationType | undefined {
  return INTEGRATION_TYPES.find((type) => CB_INTEGRATION_TYPES[type] === value);
}

/** Field pairs of a type; an unknown type maps only the common fields (its entry fails validation anyway). */
export function fieldMapOf(type: IntegrationType | undefined): FieldMap {
  return type ? [...COMMON.slice(0, 1), ...typeFieldsOf(type), ...COMMON.slice(1)] : COMMON;
}

/** The CB key of a model field path's first segment, for reporting problems in the file's terms. */
export function cbPathOf(type: IntegrationType | undefined, path: ReadonlyArray<PropertyKey>): string {
  const [first, ...rest] = path.map(String);
  if (first === undefined) return '';
  const cbKey = first === 'type' ? CB_TYPE_KEY : (fieldMapOf(type).find(([field]) => field === first)?.[1] ?? first);
  return [cbKey, ...rest].join('.');
}

/** Every mapped key of the integration as CB writes it, in canonical order. */
export function cbFieldsOf(values: IntegrationValues): Record<string, unknown> {
  const source = values as Record<string, unknown>;
  return Object.fromEntries([
    ...fieldMapOf(values.type).map(([field, cbKey]) => [cbKey, source[field]] as const),
    [CB_TYPE_KEY, CB_INTEGRATION_TYPES[values.type]],
  ]);
}

/**
 * The order CB writes a responder entry's keys in (get-bot-patterns and
 * gpt3-template exports); keys of other types go after `name`.
 */
const CB_RESPONDER_KEY_ORDER = [
  'chatbotId',
  'id',
  'name',
  'webhook',
  'fileUrl',
  'method',
  'headers',
  'defaultValues',
  'customDataFields',
  'postBody',
  'results',
  'group',
  'transformResultsScript',
  'responseDataVariable',
  'integrationType',
  'tangoContextEnabled',
];

/** What CB writes for the keys the panel does not model, for an integration created in the panel. */
export function newResponderDefaults(chatbotId: string, id: string): Record<string, unknown> {
  return {
    chatbotId,
    id,
    defaultValues: [{ key: 'title' }, { key: 'subTitle' }, { key: 'image' }, { key: 'itemUrl' }],
    results: { type: 'TEXT', tile: { tileData: [{ buttons: [], quickReplyList: [] }] } },
    group: 'Responders',
    tangoContextEnabled: false,
  };
}

/** Keys in CB's order first, then the rest in the order given. */
export function inCbOrder(entry: Record<string, unknown>): Record<string, unknown> {
  const rank = (key: string) => {
    const index = CB_RESPONDER_KEY_ORDER.indexOf(key);
    return index === -1 ? CB_RESPONDER_KEY_ORDER.indexOf('method') + 0.5 : index;
  };
  return Object.fromEntries(Object.entries(entry).sort(([a], [b]) => rank(a) - rank(b)));
}
