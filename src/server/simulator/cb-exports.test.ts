import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateRequestSchema, type SimulateRequest } from '../../domain/simulation';
import { createSandbox, type Sandbox } from './sandbox';
import { simulate, type SimulatedIntegration } from './simulate';
import { OWN_STORE_LOCATOR, OWN_SUPPORT_DESK } from '../cb-export/testing/own-exports';
import { hasRealExports, readSampleExport } from '../cb-export/testing/sample-exports';

interface ExportedResponder {
  name: string;
  responseDataVariable: string;
  transformResultsScript?: string;
  customDataFields?: { key: string; value: string }[];
}

function integrationOf(file: string, name: string): SimulatedIntegration {
  const exported = JSON.parse(readSampleExport(file)) as { responder: ExportedResponder[] };
  const responder = exported.responder.find((entry) => entry.name === name);
  if (!responder) throw new Error(`${file} has no integration ${name}`);
  return {
    responseDataVariable: responder.responseDataVariable,
    transformScript: responder.transformResultsScript ?? '',
    customDataFields: responder.customDataFields ?? [],
  };
}

const request = (body: unknown, extra: Partial<SimulateRequest> = {}) =>
  simulateRequestSchema.parse({ sample: { status: 200, body: JSON.stringify(body) }, ...extra });

const valueOf = (output: { customDataFields: { key: string; value: unknown }[] }, key: string) =>
  output.customDataFields.find((field) => field.key === key)?.value;

let sandbox: Sandbox;
beforeAll(() => {
  sandbox = createSandbox();
});
afterAll(() => sandbox.close());

describe("the transform scripts and custom data fields of the project's own exports", () => {
  it('StoreLocator: the script counts the stores, and [i] fields yield one value per store, text around them included', async () => {
    const integration = integrationOf(OWN_STORE_LOCATOR, 'StoreLocator');
    const stores = [
      { id: 11, city: 'Boston' },
      { id: 12, city: 'Denver' },
    ];
    const output = await simulate(sandbox, integration, request({ stores }));
    expect(output.error).toBeNull();
    expect(valueOf(output, 'city')).toEqual(['Boston', 'Denver']);
    expect(valueOf(output, 'label')).toEqual(['Store 11 in Boston', 'Store 12 in Denver']);
    expect(output.botVariables).toEqual([{ key: 'storeCount', value: '2' }]);
  });

  it('OrderLookup: fields read a property and a nested one of the object the API answered', async () => {
    const integration = integrationOf(OWN_SUPPORT_DESK, 'OrderLookup');
    const output = await simulate(sandbox, integration, request({ status: 'shipped', delivery: { eta: 'Tuesday' } }));
    expect(output.error).toBeNull();
    expect(output.customDataFields.map(({ key, value }) => [key, value])).toEqual([
      ['status', 'shipped'],
      ['eta', 'Tuesday'],
    ]);
  });
});

describe.skipIf(!hasRealExports)('the transform scripts and custom data fields of the real exports in ../shared/cb-exports', () => {
  const stores = [
    {
      city: 'Boston',
      weekdayHours: '9-5',
      weekendHours: '10-4',
      mapImage: 'https://maps.example/b.png',
      address: '1 Main St',
      state: 'MA',
      zip: '02108',
      googleMapLink: 'https://maps.example/b',
    },
    {
      city: 'Denver',
      weekdayHours: '8-6',
      weekendHours: 'closed',
      mapImage: 'https://maps.example/d.png',
      address: '2 Elm St',
      state: 'CO',
      zip: '80202',
      googleMapLink: 'https://maps.example/d',
    },
    {
      city: 'Austin',
      weekdayHours: '9-9',
      weekendHours: '9-1',
      mapImage: 'https://maps.example/a.png',
      address: '3 Oak St',
      state: 'TX',
      zip: '73301',
      googleMapLink: 'https://maps.example/a',
    },
  ];

  it('top-level-key demo: the script wraps the top-level array under stores, then [i] yields one city per element', async () => {
    const integration = integrationOf('adding-a-top-level-key__top-level-key-demo.json', 'Locations');
    expect(integration.customDataFields).toEqual([{ key: 'city', value: '{$.api_Locations.stores[i].city}' }]);
    const output = await simulate(sandbox, integration, request(stores));
    expect(output.error).toBeNull();
    expect(valueOf(output, 'city')).toEqual(['Boston', 'Denver', 'Austin']);
    expect(output.botVariables.map((variable) => variable.key)).toEqual(['api_Locations']);
    expect(JSON.parse(JSON.parse(output.botVariables[0]?.value ?? '').jsonData)).toEqual({ api_Locations: { stores } });
  });

  it('top-level-key demo without its script: the field finds nothing, which is why the script exists', async () => {
    const integration = { ...integrationOf('adding-a-top-level-key__top-level-key-demo.json', 'Locations'), transformScript: '' };
    const output = await simulate(sandbox, integration, request(stores));
    expect(output.error).toBeNull();
    expect(output.customDataFields[0]).toMatchObject({ value: null, note: expect.stringContaining('$.api_Locations.stores') });
  });

  it('StoreLocator: its 8 [i] fields each yield one value per store, and the script keeps the array as text', async () => {
    const integration = integrationOf('api-results-text-only__displaying-results-in-text-only-demo.json', 'StoreLocator');
    expect(integration.customDataFields).toHaveLength(8);
    const output = await simulate(sandbox, integration, request({ stores }));
    expect(output.error).toBeNull();
    for (const field of integration.customDataFields) {
      expect(valueOf(output, field.key), field.key).toEqual(stores.map((store) => store[field.key as keyof typeof store]));
    }
    expect(output.botVariables).toEqual([{ key: 'storeArray', value: JSON.stringify(stores) }]);
  });

  it('jService: [0] fields read the first element of a top-level array, nested objects included', async () => {
    const integration = integrationOf('get-bot-patterns__bot.json', 'jService');
    const clue = { id: 7, answer: 'Mercury', question: 'The planet closest to the sun', category: { id: 3, title: 'Astronomy' } };
    const output = await simulate(sandbox, integration, request([clue]));
    expect(output.error).toBeNull();
    expect(output.customDataFields.map(({ key, value }) => [key, value])).toEqual([
      ['answer', 'Mercury'],
      ['question', 'The planet closest to the sun'],
      ['category', 'Astronomy'],
    ]);
  });

  it('GPT3: the script reads choices[0].text and writes the history to the conversation context', async () => {
    const integration = integrationOf('gpt3-template__GPT3-Character-Template.json', 'GPT3');
    const output = await simulate(
      sandbox,
      integration,
      request({ id: 'cmpl-1', choices: [{ text: ' Ahoy, matey!', index: 0 }] }, { userMessage: 'Hello pirate' }),
    );
    expect(output.error).toBeNull();
    expect(output.botVariables).toEqual([{ key: 'GPT3response', value: ' Ahoy, matey!' }]);
    // Nothing was stored for the character and the history yet: the platform returns null, and JavaScript writes "null".
    const history = 'nullHello pirate null:  Ahoy, matey! Human: ';
    expect(output.contextData).toEqual([{ namespace: 'gpt3_char', key: 'chat_history', value: history }]);
    expect(output.debugLog).toEqual([`New history: ${history}`]);
  });

  it('GPT3 on a failed call: choices is missing, so the script fails at the line that reads it', async () => {
    const integration = integrationOf('gpt3-template__GPT3-Character-Template.json', 'GPT3');
    const output = await simulate(
      sandbox,
      integration,
      simulateRequestSchema.parse({ sample: { status: 401, body: '{"error":{"message":"bad key"}}' } }),
    );
    expect(output.error).toMatchObject({
      kind: 'script',
      line: 5,
      column: expect.any(Number),
      message: expect.stringMatching(/^TypeError: cannot read property/),
    });
    expect(output.botVariables).toEqual([]);
  });

  it('dynamic buttons: the script stores the buttons array as JSON text', async () => {
    const integration = integrationOf('dynamic-buttons__dynamic-button-bot.json', 'Buttons');
    const buttons = [
      { title: 'Red', payload: 'red' },
      { title: 'Blue', payload: 'blue' },
    ];
    const output = await simulate(sandbox, integration, request({ buttons }));
    expect(output.error).toBeNull();
    expect(output.botVariables).toEqual([{ key: 'allButtons', value: JSON.stringify(buttons) }]);
  });
});
