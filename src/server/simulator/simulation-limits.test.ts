import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateRequestSchema } from '../../domain/simulation';
import { createSandbox, SandboxBusyError, type Sandbox } from './sandbox';
import { simulate } from './simulate';

const request = (body = '{"items":[{"name":"a"},{"name":"b"}]}') => simulateRequestSchema.parse({ sample: { status: 200, body } });
const integration = (transformScript: string, customDataFields = [{ key: 'name', value: '{$.api_Orders.items[i].name}' }]) => ({
  responseDataVariable: 'Orders',
  transformScript,
  customDataFields,
});

/** Small caps, so that each channel's limit is reached in a few milliseconds. */
const CAPS = {
  customDataFields: 2000,
  botVariables: 1000,
  debugLog: 1000,
  customEvents: 1000,
  messages: 1000,
  contextData: 1000,
  other: 1000,
  errorMessage: 300,
};

describe('every limit of a simulated run is reported as its error', () => {
  let sandbox: Sandbox;
  let small: Sandbox;
  beforeAll(() => {
    sandbox = createSandbox();
    small = createSandbox({ caps: CAPS, fieldSteps: 5000 });
  });
  afterAll(async () => {
    await sandbox.close();
    await small.close();
  });

  it('CPU time in a promise job: the deadline is the error, and what was set before stays', async () => {
    const endless = await simulate(sandbox, integration('Promise.resolve().then(function () { while (true) {} });'), request());
    expect(endless.error).toMatchObject({ kind: 'timeout', message: expect.stringContaining('more than 1 s') });
    const script = `botContext.setBotVariable('before', 'kept', false, false);
Promise.resolve()
  .then(function () { var started = Date.now(); while (Date.now() - started < 5000) {} })
  .then(function () { botContext.setBotVariable('after', 'never', false, false); });`;
    const long = await simulate(sandbox, integration(script), request());
    expect(long.error).toMatchObject({ kind: 'timeout' });
    expect(long.botVariables).toEqual([{ key: 'before', value: 'kept' }]);
  });

  it('CPU time in an async function is reported too', async () => {
    const output = await simulate(sandbox, integration('async function f() { await 1; for (;;) {} }\nf();'), request());
    expect(output.error).toMatchObject({ kind: 'timeout' });
  });

  it("memory in a promise job: the rejection nobody handles still ends as the run's error", async () => {
    const script = "Promise.resolve().then(function () {\n  var chunk = 'x'.repeat(1024 * 1024);\n  var bomb = chunk.repeat(64);\n});";
    const output = await simulate(sandbox, integration(script), request());
    expect(output.error).toMatchObject({ kind: 'memory', message: expect.stringContaining('32 MB') });
  });

  it('two 7M-character variables: both are shown, cut, and the cut is the error', async () => {
    const script =
      "var big = 'x'.repeat(7 * 1024 * 1024);\nbotContext.setBotVariable('one', big, false, false);\nbotContext.setBotVariable('two', big + 'y', false, false);";
    const output = await simulate(sandbox, integration(script), request());
    expect(output.error).toMatchObject({ kind: 'output', message: expect.stringContaining('the bot variables set at 192 KB') });
    expect(output.botVariables[0]).toMatchObject({ key: 'one' });
    expect(output.botVariables[0]?.value?.length).toBe(192 * 1024 - 3);
    expect(output.customDataFields[0]?.value).toEqual(['a', 'b']);
  });

  it.each([
    ['debugLog', "for (var i = 0; i < 100; i++) botContext.printDebugMessage('line ' + i + ' ' + 'x'.repeat(50));", 'the debug log'],
    ['messages', "for (var i = 0; i < 100; i++) botContext.sendMessage('message ' + 'x'.repeat(50));", 'the messages sent'],
    ['customEvents', "for (var i = 0; i < 100; i++) botContext.logCustomEvent('u', 'event' + i, 'x'.repeat(50));", 'the custom events'],
    [
      'contextData',
      "for (var i = 0; i < 100; i++) botContext.setContextDataForConversation('ns', 'k' + i, 'x'.repeat(50));",
      'the context data',
    ],
    [
      'botVariables',
      "for (var i = 0; i < 100; i++) botContext.setBotVariable('v' + i, 'x'.repeat(50), false, false);",
      'the bot variables set',
    ],
    [
      'other',
      "botContext.setBotTransferUserMessage('x'.repeat(5000));\nbotContext.setTriggerNextMessage('y'.repeat(5000));",
      'the warnings and transfer texts',
    ],
  ] as const)('caps the %s channel, keeps its beginning and says so', async (channel, script, name) => {
    const output = await simulate(small, integration(script), request());
    expect(output.error).toMatchObject({ kind: 'output', message: expect.stringContaining(`${name} at 1 KB`) });
    const shown = JSON.stringify(output[channel === 'other' ? 'transfer' : channel]);
    expect(shown.length).toBeGreaterThan(500);
    expect(shown.length).toBeLessThan(CAPS[channel] * 2);
    expect(output.warnings.at(-1)).toMatch(/^Output limit reached/);
    expect(output.customDataFields[0]?.value).toEqual(['a', 'b']);
  });

  it('caps the error message, whatever the script throws', async () => {
    const output = await simulate(small, integration("throw new Error('x'.repeat(100000));"), request());
    expect(output.error?.kind).toBe('script');
    expect(output.error?.message.length).toBeLessThanOrEqual(CAPS.errorMessage);
  });

  it('caps the Custom Data Fields: the field that reaches the cap is cut, the next ones are not read', async () => {
    const body = JSON.stringify({ items: Array.from({ length: 1000 }, (_, index) => ({ name: `name-${index}` })) });
    const fields = [
      { key: 'names', value: 'Name: {$.api_Orders.items[i].name}' },
      { key: 'again', value: '{$.api_Orders.items[i].name}' },
    ];
    const output = await simulate(small, integration('', fields), request(body));
    expect(output.error).toMatchObject({ kind: 'output', message: expect.stringContaining('the Custom Data Fields at 2 KB') });
    const [names, again] = output.customDataFields;
    expect((names?.value as string[]).length).toBeGreaterThan(50);
    expect((names?.value as string[]).join('').length).toBeLessThanOrEqual(CAPS.customDataFields);
    expect(names?.note).toMatch(/^Output limit reached: truncated to the first \d+ entries/);
    expect(again).toMatchObject({ value: null, note: expect.stringMatching(/^Not read: the output limit was reached/) });
  });

  it('caps the elements the Custom Data Fields walk, even when they yield no text', async () => {
    const body = JSON.stringify({ items: new Array(20000).fill(0) });
    const output = await simulate(small, integration('', [{ key: 'nothing', value: '{$.api_Orders.items[i].missing}' }]), request(body));
    expect(output.error).toMatchObject({ kind: 'output' });
    expect(output.customDataFields[0]?.note).toMatch(/walk 5,000 elements/);
  });

  it('a jsonData over the size the fields read is an output error, not a silent null', async () => {
    const script =
      "var r = botContext.getBotVariable('api_Orders');\nr.jsonData = JSON.stringify({ api_Orders: { pad: 'x'.repeat(3 * 1024 * 1024) } });\nbotContext.setBotVariable('api_Orders', r, true, false);";
    const output = await simulate(sandbox, integration(script), request());
    expect(output.error).toMatchObject({ kind: 'output', message: expect.stringContaining('2 MB') });
    expect(output.customDataFields[0]).toMatchObject({ value: null, note: expect.stringContaining('2 MB') });
  });

  it('is not fooled by a toJSON on Object.prototype or a setter on Array.prototype', async () => {
    const script = `Object.prototype.toJSON = function () {};
Object.defineProperty(Array.prototype, '0', { set: function () {}, configurable: true });
String.prototype.slice = function () { return 'x'.repeat(1e6); };
botContext.printDebugMessage('logged');
botContext.sendMessage('sent');
botContext.setBotVariable('plain', 'text', false, false);
// The platform's own copy goes through JSON.stringify too, so the poisoned toJSON breaks it: a script error.
botContext.setBotVariable('api_Orders', botContext.getBotVariable('api_Orders'), true, false);`;
    const output = await simulate(sandbox, integration(script), request());
    expect(output.debugLog).toEqual(['logged']);
    expect(output.messages).toEqual(['sent']);
    expect(output.botVariables).toEqual([{ key: 'plain', value: 'text' }]);
    expect(output.error).toMatchObject({ kind: 'script' });
    expect(output.customDataFields[0]?.value).toEqual(['a', 'b']);
  });

  it('refuses a run at once when every slot and queue place is taken', async () => {
    const tiny = createSandbox({ maxConcurrent: 1, maxQueued: 1 });
    try {
      const loop = integration('while (true) {}', []);
      const running = [simulate(tiny, loop, request()), simulate(tiny, loop, request())];
      const started = performance.now();
      const refused = await simulate(tiny, loop, request()).catch((error: unknown) => error);
      expect(performance.now() - started).toBeLessThan(100);
      expect(refused).toBeInstanceOf(SandboxBusyError);
      expect((refused as SandboxBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(2);
      for (const output of await Promise.all(running)) expect(output.error).toMatchObject({ kind: 'timeout' });
    } finally {
      await tiny.close();
    }
  });
});
