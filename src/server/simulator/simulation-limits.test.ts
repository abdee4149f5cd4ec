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

  // Twice the memory limit in one allocation: fails at once, without thrashing (see simulate.test.ts).
  const BOMB = "var chunk = 'x'.repeat(1024 * 1024); var bomb = chunk.repeat(64);";
  it.each([
    ['an async function', `async function f() { await 1; ${BOMB} }\nf();`],
    ['an async function before its first await', `async function f() { ${BOMB} await 1; }\nf();`],
    ['an async arrow function', `var f = async () => { await 1; ${BOMB} };\nf();`],
    ['an async arrow function with an expression body', "var f = async (n) => 'x'.repeat(1024 * 1024).repeat(n);\nf(64);"],
    ['an async method', `var o = { async m() { await null; ${BOMB} } };\no.m();`],
    ['an async class method', `class Orders { async load() { await null; ${BOMB} } }\nnew Orders().load();`],
    ['an async generator', `async function* g() { yield 1; ${BOMB} }\nvar it = g();\nit.next().then(function () { return it.next(); });`],
    ['a promise executor', `new Promise(function () { ${BOMB} });`],
    ['a thenable', `Promise.resolve({ then: function () { ${BOMB} } });`],
    ['a catch clause', `try { ${BOMB} } catch (e) {}`],
    ['a catch clause without a binding', `try { ${BOMB} } catch {}`],
    ['a catch clause with a pattern', `try { ${BOMB} } catch ({ message }) {}`],
    ['an async function whose promise is caught', `async function f() { await 1; ${BOMB} }\nf().catch(function () {});`],
    ['a promise job whose rejection is caught', `Promise.resolve().then(function () { ${BOMB} }).catch(() => {});`],
    ['a finally that returns', `function f() { try { ${BOMB} } finally { return 1; } }\nf();`],
    ['a catch clause that throws another error', `try { ${BOMB} } catch (e) { throw new Error('could not build the list'); }`],
  ])("a memory limit reached in %s is the run's error", async (_where, script) => {
    const output = await simulate(sandbox, integration(`botContext.printDebugMessage('start');\n${script}`), request());
    expect(output.error).toMatchObject({ kind: 'memory', message: expect.stringContaining('32 MB') });
    expect(output.debugLog).toEqual(['start']);
  });

  it('a memory limit caught and thrown again as another error: the limit is the error, and what came after is said', async () => {
    const script = `try { ${BOMB} } catch (e) { throw new Error('could not build the list'); }`;
    const output = await simulate(sandbox, integration(script), request());
    expect(output.error).toMatchObject({ kind: 'memory', line: 1 });
    expect(output.error?.message).toMatch(/32 MB.*went on after that error.*Then: Error: could not build the list\.$/);
  });

  it('a stack overflow the script catches is reported too', async () => {
    const output = await simulate(
      sandbox,
      integration('function deep(n) { return deep(n + 1) + 1; }\ntry { deep(0); } catch (e) {}'),
      request(),
    );
    expect(output.error).toMatchObject({ kind: 'script', message: expect.stringContaining('stack overflow'), line: 1 });
  });

  it('an error the script catches that is no limit is not reported', async () => {
    const script = "try { null.x; } catch (e) {}\nasync function f() { await 1; throw new Error('handled'); }\nf().catch(function () {});";
    const output = await simulate(sandbox, integration(script), request());
    expect(output.error).toBeNull();
  });

  it('a limit reached in an async function keeps its line and column', async () => {
    const inAsync = "async function f() { await 1; var bomb = 'x'.repeat(1024 * 1024).repeat(64); }";
    const atTop = "var bomb = 'x'.repeat(1024 * 1024).repeat(64);";
    const [nested, plain] = await Promise.all([
      simulate(sandbox, integration(`// first\n${inAsync}\nf();`), request()),
      simulate(sandbox, integration(`// first\n${atTop}`), request()),
    ]);
    expect(plain.error).toMatchObject({ kind: 'memory', line: 2, column: expect.any(Number) });
    expect(nested.error).toMatchObject({ kind: 'memory', line: 2, column: (plain.error?.column ?? 0) + inAsync.indexOf(atTop) });
  });

  it('a script that replaces every global and built-in it can reach still has its caught limit reported', async () => {
    const script = `var names = Object.getOwnPropertyNames(globalThis);
Function.prototype.call = Function.prototype.apply = function () { throw new Error('no'); };
Object.getOwnPropertyDescriptor = Object.getPrototypeOf = Reflect.apply = function () { throw new Error('no'); };
for (var i = 0; i < names.length; i++) {
  try { Object.defineProperty(globalThis, names[i], { value: function () {} }); } catch (e) {}
  try { globalThis[names[i]] = function () {}; } catch (e) {}
  try { delete globalThis[names[i]]; } catch (e) {}
}
try { ${BOMB} } catch (e) {}`;
    const output = await simulate(sandbox, integration(script), request());
    expect(output.error).toMatchObject({ kind: 'memory', message: expect.stringContaining('32 MB') });
  });

  it('a script cannot replace or shadow the note its catch clauses call', async () => {
    const script = `Object.getOwnPropertyNames(Number.prototype).forEach(function (name) {
  try { Object.defineProperty(Number.prototype, name, { value: function (e) { return e; } }); } catch (e) {}
  try { Number.prototype[name] = function (e) { return e; }; } catch (e) {}
  try { delete Number.prototype[name]; } catch (e) {}
});
var everything = new Proxy({}, { has: function () { return true; }, get: function () { return function (e) { return e; }; } });
with (everything) { try { 'x'.repeat(1024 * 1024).repeat(64); } catch (e) {} }`;
    const output = await simulate(sandbox, integration(script), request());
    expect(output.error).toMatchObject({ kind: 'memory', line: 7 });
  });

  it('two 7M-character variables: both are shown, cut, and the cut is the error', async () => {
    const script =
      "var big = 'x'.repeat(7 * 1024 * 1024);\nbotContext.setBotVariable('one', big, false, false);\nbotContext.setBotVariable('two', big + 'y', false, false);";
    const output = await simulate(sandbox, integration(script), request());
    expect(output.error).toMatchObject({ kind: 'output', message: expect.stringContaining('the bot variables set at 192 KB') });
    expect(output.botVariables[0]).toMatchObject({ key: 'one' });
    // The cap is the bytes of its JSON text: `[{"key":"one","value":"…"}]` around the value takes 28.
    expect(output.botVariables[0]?.value?.length).toBe(192 * 1024 - 28);
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
  it('refuses a run that waited longer than maxWaitMs for a slot, before the run ahead of it has finished', async () => {
    const tiny = createSandbox({ maxConcurrent: 1, maxQueued: 4, maxWaitMs: 200 });
    try {
      const loop = integration('while (true) {}', []);
      let aheadFinished = false;
      const ahead = simulate(tiny, loop, request()).finally(() => (aheadFinished = true));
      const refused = await simulate(tiny, loop, request()).catch((error: unknown) => error);
      expect(aheadFinished).toBe(false);
      expect(refused).toBeInstanceOf(SandboxBusyError);
      expect((refused as SandboxBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect((await ahead).error).toMatchObject({ kind: 'timeout' });
    } finally {
      await tiny.close();
    }
  });
});
