import { describe, expect, it } from 'vitest';
import { aSimulationOutput } from './samples';
import { simulateRequestSchema, simulateUnsavedRequestSchema, simulationInputsSchema, simulationOutputSchema } from './simulation';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('simulate request', () => {
  it('defaults the status to 200, the variables to none and the user message to empty', () => {
    expect(simulateRequestSchema.parse({ sample: { body: '[]' } })).toEqual({
      sample: { status: 200, body: '[]' },
      botVariables: [],
      envVariables: [],
      userMessage: '',
    });
  });

  it("refuses a body that is not JSON, with the parser's reason", () => {
    const result = simulateRequestSchema.safeParse({ sample: { body: '{"a":' } });
    expect(messages(result)['sample.body']).toMatch(/^Sample body must be JSON text, as the API would return it: .+\.$/);
  });

  it('refuses bad statuses, duplicate variable keys and unknown fields, naming each', () => {
    const result = simulateRequestSchema.safeParse({
      sample: { status: 700, body: '{}' },
      botVariables: [
        { key: 'a', value: '1' },
        { key: 'a', value: '2' },
      ],
      envVariables: [{ key: '', value: 'x' }],
      extra: true,
    });
    expect(messages(result)).toEqual({
      'sample.status': 'Sample status must be an HTTP status code from 100 to 599.',
      'botVariables.1.key': 'Bot variables: "a" is given twice; keep one row per key.',
      'envVariables.0.key': 'Environment variables: key is required.',
      '': expect.stringContaining('extra'),
    });
  });

  it('takes an unsaved integration as the create endpoint does, response data variable defaulted', () => {
    const parsed = simulateUnsavedRequestSchema.parse({
      sample: { body: '{}' },
      integration: { type: 'API', name: 'Orders', method: 'GET', url: 'https://example.com/orders' },
    });
    expect(parsed.integration).toMatchObject({ name: 'Orders', responseDataVariable: 'Orders', transformScript: '', customDataFields: [] });
    const invalid = simulateUnsavedRequestSchema.safeParse({ sample: { body: '{}' }, integration: { type: 'API', name: 'Orders' } });
    expect(Object.keys(messages(invalid))).toEqual(expect.arrayContaining(['integration.method', 'integration.url']));
  });

  it('describes the output strictly: a field value is text, a list of text or null', () => {
    const output = aSimulationOutput({
      customDataFields: [{ key: 'city', expression: '{$.api_X.s[i].city}', value: ['a'], note: null }],
      botVariables: [{ key: 'x', value: null }],
      error: { kind: 'timeout', message: 'stopped', line: null, column: null },
      durationMs: 3,
    });
    expect(simulationOutputSchema.parse(output)).toEqual(output);
    expect(simulationOutputSchema.safeParse({ ...output, customDataFields: [{ ...output.customDataFields[0], value: 3 }] }).success).toBe(
      false,
    );
    expect(simulationOutputSchema.safeParse({ ...output, surprise: 1 }).success).toBe(false);
  });
});

describe("the Test panel's inputs", () => {
  it('take a sample that parses, a status HTTP has and a user message', () => {
    const inputs = { sample: '{"queuePosition": 3}', status: 404, userMessage: 'hi' };
    expect(simulationInputsSchema.parse(inputs)).toEqual(inputs);
  });

  it('say where the sample stops being JSON, and that an empty one needs the raw result', () => {
    const result = simulationInputsSchema.safeParse({ sample: '{"a": 1,\n "b" 2}', status: 200, userMessage: '' });
    expect(messages(result).sample).toMatch(/^Not valid JSON at line 2, column 6: .+\.$/);
    const empty = simulationInputsSchema.safeParse({ sample: ' ', status: 200, userMessage: '' });
    expect(messages(empty).sample).toMatch(/^Not valid JSON at line 1, column 1: The sample is empty/);
  });

  it('refuse a status outside 100-599, a fraction and an empty number input, in one sentence', () => {
    for (const status of [99, 600, 200.5, Number.NaN]) {
      const result = simulationInputsSchema.safeParse({ sample: '{}', status, userMessage: '' });
      expect(messages(result), String(status)).toEqual({ status: 'HTTP status must be a whole number from 100 to 599, such as 200.' });
    }
  });
});
