import type { Bot, BotInput } from './bot';
import { integrationInputSchema, type Integration, type IntegrationInputOf, type IntegrationSummary } from './integration';
import { initialValuesOf } from './integration-types/fields-of-type';
import { INTEGRATION_TYPE_DESCRIPTOR, type IntegrationType } from './integration-types';
import type { SimulationOutput } from './simulation';
import type { TestCaseInput } from './test-cases';

/**
 * Sample bots and integrations, the one set the demo data, the server tests and the web tests build on.
 * An integration's sample is its type's demo (src/domain/integration-types/<type>.ts), so a new type has
 * one as soon as its module exists. A test starts from a sample and changes only what it is about.
 */

export type IntegrationOf<T extends IntegrationType> = Extract<Integration, { type: T }>;

/** Fixed ids and times, so records compare equal from run to run. */
const SAMPLE_BOT_ID = '5b0c1a52-8f59-4a57-9a38-0a4f8f3c2d11';
const SAMPLE_INTEGRATION_ID = '9d7e2c1b-3f4a-4b5c-8d6e-7f8091a2b3c4';
const SAMPLE_TIME = '2026-01-01T00:00:00.000Z';

/** The bot a new database shows. */
export const DEMO_BOT = {
  name: 'Customer Care Bot',
  description: 'Answers order questions and hands over to a live agent when the customer asks for one.',
} satisfies BotInput;

/** A stored bot, as the API answers it: the demo bot unless told otherwise. */
export function aBot(overrides: Partial<Bot> = {}): Bot {
  return { id: SAMPLE_BOT_ID, ...DEMO_BOT, environmentId: null, createdAt: SAMPLE_TIME, updatedAt: SAMPLE_TIME, version: 1, ...overrides };
}

/** The type's demo as a client would send it, script and custom data fields included: what the demo data seeds. */
export function demoIntegrationInput<T extends IntegrationType>(
  type: T,
  overrides: Partial<IntegrationInputOf<T>> = {},
): IntegrationInputOf<T> {
  return { ...initialValuesOf(type), ...INTEGRATION_TYPE_DESCRIPTOR[type].demo, ...overrides, type } as IntegrationInputOf<T>;
}

/**
 * A valid body of the type with every field: the demo's values, but no script and no custom data fields,
 * which a test adds when it is about them (the demo's script reads the demo's own result). Given another
 * name and no variable, the variable is left empty and takes the name, as in the API and the form.
 */
export function anIntegrationInput<T extends IntegrationType>(
  type: T,
  overrides: Partial<IntegrationInputOf<T>> = {},
): IntegrationInputOf<T> {
  const variable = followsName(overrides) ? { responseDataVariable: '' } : {};
  return demoIntegrationInput(type, { transformScript: '', customDataFields: [], ...variable, ...overrides } as Partial<
    IntegrationInputOf<T>
  >);
}

/** A stored integration of the type, as the API answers it, in the sample bot. */
export function anIntegration<T extends IntegrationType>(type: T, overrides: Partial<IntegrationOf<T>> = {}): IntegrationOf<T> {
  const values = integrationInputSchema.parse(anIntegrationInput(type));
  const variable = followsName(overrides) ? { responseDataVariable: overrides.name } : {};
  return {
    id: SAMPLE_INTEGRATION_ID,
    botId: SAMPLE_BOT_ID,
    ...values,
    createdAt: SAMPLE_TIME,
    updatedAt: SAMPLE_TIME,
    version: 1,
    ...variable,
    ...overrides,
  } as IntegrationOf<T>;
}

const followsName = (overrides: { name?: string; responseDataVariable?: string }) =>
  overrides.name !== undefined && !Object.hasOwn(overrides, 'responseDataVariable');

/** One row of the integrations list, of an API integration unless told otherwise. */
export function anIntegrationSummary(overrides: Partial<IntegrationSummary> = {}): IntegrationSummary {
  const named = overrides.name === undefined ? {} : { name: overrides.name };
  const { id, name, type, responseDataVariable, version, updatedAt } = anIntegration(overrides.type ?? 'API', named);
  return { id, name, type, responseDataVariable, version, updatedAt, ...overrides };
}

/** What a Test panel run answers: a run that set, logged and said nothing, unless told otherwise. */
export function aSimulationOutput(overrides: Partial<SimulationOutput> = {}): SimulationOutput {
  return {
    customDataFields: [],
    botVariables: [],
    debugLog: [],
    customEvents: [],
    messages: [],
    transfer: { userMessage: null, intentId: null, intentByDomain: null },
    contextData: [],
    triggerNextMessage: null,
    warnings: [],
    error: null,
    durationMs: 1,
    ...overrides,
  };
}

/**
 * The demo bot's test cases: each demo integration on its demo sample, expecting no error, and for the
 * Agent Escalation and API demos what they give (the transfer, the custom data). None fails on purpose.
 */
export function demoTestCases(type: IntegrationType): TestCaseInput[] {
  const descriptor = INTEGRATION_TYPE_DESCRIPTOR[type];
  const base = { sample: { status: 200, body: descriptor.demoSample } };
  const named = `${descriptor.demo.name} on its demo sample`;
  if (type === 'LIVEPERSON_AGENT_ESCALATION') {
    return [
      {
        ...base,
        name: named,
        expect: {
          error: null,
          transfer: {
            agentSkillId: '3402109730',
            agentId: '',
            message: 'Hold on while I connect you with an agent.',
            transferBotContext: false,
          },
          logIncludes: ['Transfer queued at position 3'],
        },
      },
    ];
  }
  if (type === 'API') {
    return [{ ...base, name: named, expect: { error: null, customData: { status: 'shipped', eta: '2026-12-02' } } }];
  }
  return [{ ...base, name: named, expect: { error: null } }];
}
