import fc from 'fast-check';
import type { IntegrationInputOf } from '../../domain/integration';
import {
  API_METHODS,
  FILE_METHODS,
  INTEGRATION_TYPE_DESCRIPTORS,
  KNOWLEDGE_AI_MODES,
  type IntegrationType,
  type TypeFieldName,
} from '../../domain/integration-types';
import { anyText, collidingIdentifier, deepJson, hugeText, identifier, wrongValue } from './fuzz-values';

type Body = Record<string, unknown>;

const nonEmptyText = anyText.filter((text) => text.length > 0);
const validScript = fc.oneof(
  fc.constant(''),
  fc.constant("var api = botContext.getBotVariable('api_X');\nbotContext.setBotVariable('done', 'yes', true, false);"),
  anyText.map((text) => `botContext.printDebugMessage(${JSON.stringify(text)});`),
);
const customDataFields = fc.uniqueArray(fc.record({ key: identifier, value: nonEmptyText }), { maxLength: 4, selector: (row) => row.key });
const keyValues = fc.array(fc.record({ key: nonEmptyText, value: anyText }), { maxLength: 3 });
const names = fc.oneof({ weight: 4, arbitrary: identifier }, { weight: 1, arbitrary: collidingIdentifier });

const common = {
  name: names,
  responseDataVariable: fc.oneof(fc.constant(''), names),
  transformScript: validScript,
  customDataFields,
};

type InputOf<T extends IntegrationType, K> = K extends keyof IntegrationInputOf<T> ? IntegrationInputOf<T>[K] : never;

/** Richer values than a type's demo for some fields: a field not listed here keeps its demo value. */
const typeFieldValues: { [T in IntegrationType]?: { [K in TypeFieldName<T>]?: fc.Arbitrary<InputOf<T, K>> } } = {
  LIVEPERSON_AGENT_ESCALATION: {
    agentSkillName: anyText,
    agentSkillId: fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 18n }).map(String), fc.constant('{$botContext.skillId}')),
    transferBotContext: fc.boolean(),
    messageToUser: nonEmptyText,
  },
  API: {
    method: fc.constantFrom(...API_METHODS),
    url: fc.webUrl({ validSchemes: ['https', 'http'] }),
    headers: keyValues,
    requestParameters: keyValues,
    postBody: anyText,
  },
  FILE: { method: fc.constantFrom(...FILE_METHODS), url: fc.webUrl({ validSchemes: ['https', 'http'] }), headers: keyValues },
  EMAIL: {
    to: fc.constantFrom('ops@example.com', '{$botContext.email}', 'a@example.com, b@example.org'),
    subject: nonEmptyText,
    body: nonEmptyText,
    html: fc.boolean(),
  },
  FAAS: { functionId: nonEmptyText, headers: keyValues, payload: anyText },
  KNOWLEDGE_AI: {
    knowledgeBaseId: fc.uuid(),
    mode: fc.constantFrom(...KNOWLEDGE_AI_MODES),
    multipleResults: fc.integer({ min: 1, max: 5 }),
  },
};

/** A valid body of the type: its demo's fields (those it sets), some of them varied, and varied common fields. */
function validBodyOf(descriptor: (typeof INTEGRATION_TYPE_DESCRIPTORS)[number]): fc.Arbitrary<Body> {
  const demo: Record<string, unknown> = descriptor.demo;
  const varied: Record<string, fc.Arbitrary<unknown> | undefined> = typeFieldValues[descriptor.type] ?? {};
  const own = Object.keys(descriptor.fields)
    .filter((field) => varied[field] !== undefined || Object.hasOwn(demo, field))
    .map((field) => [field, varied[field] ?? fc.constant(demo[field])] as const);
  return fc.record({ ...common, type: fc.constant(descriptor.type), ...Object.fromEntries(own) });
}

/** Bodies the API must accept (201/200), or refuse with 409 only for a name already used: every type. */
export const validIntegration: fc.Arbitrary<Body> = fc.oneof(...INTEGRATION_TYPE_DESCRIPTORS.map(validBodyOf));

/** One thing wrong in an otherwise valid body: every one must be a 400 that names the field. */
export const almostValidIntegration: fc.Arbitrary<Body> = fc
  .tuple(
    validIntegration,
    fc.oneof(
      fc.constantFrom('name', 'type', 'messageToUser', 'url', 'agentSkillId', 'to').map((field) => ({ drop: field })),
      fc.record({ field: fc.constantFrom('name', 'type', 'customDataFields', 'transferBotContext', 'method'), value: wrongValue }),
      fc.record({
        field: fc.constant('name'),
        value: fc.oneof(
          anyText.map((text) => `1${text}`),
          fc.constant('a'.repeat(65)),
          fc.constant('has space'),
        ),
      }),
      fc.record({ field: fc.constant('transformScript'), value: fc.constantFrom('function (', 'var = 1;', '}}}', 'x'.repeat(70_000)) }),
      fc.record({
        field: fc.constant('customDataFields'),
        value: fc.constant([
          { key: 'k', value: 'a' },
          { key: 'k', value: 'b' },
        ]),
      }),
      fc.record({
        field: fc.constant('customDataFields'),
        value: fc.constant(Array.from({ length: 101 }, (_, i) => ({ key: `k${i}`, value: 'v' }))),
      }),
      fc.record({ field: fc.constantFrom('id', 'version', 'botId', '__proto__', 'constructor'), value: wrongValue }),
      fc.record({ field: fc.constantFrom('messageToUser', 'subject', 'name'), value: hugeText }),
    ),
  )
  .map(([body, change]) => {
    const copy: Body = { ...body };
    if ('drop' in change) {
      // Dropping a field the type does not have would leave the body valid: break the name instead.
      if (change.drop in copy) delete copy[change.drop];
      else copy.name = '';
    } else {
      Object.defineProperty(copy, change.field, { value: change.value, enumerable: true, writable: true, configurable: true });
    }
    return copy;
  });

/** Whatever JSON a hostile client sends in place of an integration. */
export const hostileJson: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  deepJson,
  deepJson.map((nested) => `{"type":"API","name":"Deep","url":${nested}}`),
  fc.constantFrom('', '{', '{"name":', 'null', '[]', '"text"', '{"type":"API"}{"type":"API"}', '{"__proto__":{"admin":true}}', '\u0000'),
  hugeText.map((text) => JSON.stringify({ type: 'API', name: 'Huge', url: `https://x.example/${text}` })),
);

export const validBot: fc.Arbitrary<Body> = fc.record(
  {
    name: fc.oneof(anyText, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 })).filter((name) => {
      const trimmed = name.trim();
      return trimmed.length > 0 && trimmed.length <= 100;
    }),
    description: fc.oneof(anyText, fc.constant('')),
  },
  { requiredKeys: ['name'] },
);

export const invalidBot: fc.Arbitrary<Body> = fc.oneof(
  fc.record({
    name: fc.oneof(
      fc.constantFrom('', '   ', 'x'.repeat(101)),
      wrongValue.filter((value) => typeof value !== 'string'),
    ),
  }),
  fc.record({ name: fc.constant('Bot'), description: fc.oneof(hugeText, fc.integer()) }),
  fc.record({ name: fc.constant('Bot'), id: fc.uuid() }),
);
