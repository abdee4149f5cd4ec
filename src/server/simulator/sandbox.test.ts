import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_CONTEXT_FUNCTION_NAMES } from '../../domain/bot-context-api';
import { simulateRequestSchema } from '../../domain/simulation';
import { createSandbox, type Sandbox } from './sandbox';
import { scriptPosition, simulate } from './simulate';

const request = (extra: Record<string, unknown> = {}) =>
  simulateRequestSchema.parse({ sample: { status: 200, body: '{"items":[{"name":"a"},{"name":"b"}]}' }, ...extra });

const integration = (transformScript: string, customDataFields = [{ key: 'name', value: '{$.api_Orders.items[i].name}' }]) => ({
  responseDataVariable: 'Orders',
  transformScript,
  customDataFields,
});

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe('the QuickJS sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = createSandbox();
    // From the sources the worker is compiled on first use: the time bounds below measure runs, not that.
    await simulate(sandbox, integration(''), request());
  });
  afterAll(() => sandbox.close());

  it('stops an endless loop with a clear message within 2 s', async () => {
    const { result, ms } = await timed(() => simulate(sandbox, integration('var n = 0;\nwhile (true) { n++; }'), request()));
    expect(ms).toBeLessThan(2000);
    expect(result.error).toMatchObject({ kind: 'timeout', message: expect.stringContaining('more than 1 s'), line: null });
    // The fields are still read, from the raw result the script never changed.
    expect(result.customDataFields[0]?.value).toEqual(['a', 'b']);
  });

  it('ends a memory bomb within 2 s, whether QuickJS reports it or the worker is terminated', async () => {
    const bomb = "botContext.printDebugMessage('start');\nlet a = [];\nwhile (true) a.push('x'.repeat(1e6));";
    const { result, ms } = await timed(() => simulate(sandbox, integration(bomb), request()));
    expect(ms).toBeLessThan(2000);
    expect(result.error?.kind).toMatch(/^(memory|timeout)$/);
    expect(result.error?.message).toMatch(/32 MB/);
  });

  it('terminates a script that blocks its worker, and answers other runs meanwhile', async () => {
    // A run that ends only by terminate(): QuickJS's interrupt is not consulted during this allocation storm.
    const bomb = simulate(sandbox, integration("let a = [];\nwhile (true) a.push('x'.repeat(1e6));"), request());
    const quick = await timed(() => simulate(sandbox, integration("botContext.printDebugMessage('still here');"), request()));
    expect(quick.result.debugLog).toEqual(['still here']);
    expect(quick.ms).toBeLessThan(1000);
    expect((await bomb).error).not.toBeNull();
  });

  it.each([
    ['fetch', "fetch('https://example.com')"],
    ['require', "require('fs').readFileSync('/etc/passwd')"],
    ['process', 'process.exit(1)'],
    ['XMLHttpRequest', 'new XMLHttpRequest()'],
  ])('refuses %s: it does not exist inside the sandbox', async (_name, script) => {
    const { result, ms } = await timed(() => simulate(sandbox, integration(script), request()));
    expect(ms).toBeLessThan(2000);
    expect(result.error).toMatchObject({
      kind: 'script',
      line: 1,
      message: expect.stringMatching(/is not defined\. The bot runtime has no such global/),
    });
  });

  it('finds no host through the Function constructor, and cannot import modules', async () => {
    const script = `
      var viaFunction = (function () {}).constructor('return [typeof process, typeof require, typeof fetch].join()')();
      botContext.printDebugMessage(viaFunction);
      import('node:fs').then(
        function () { botContext.printDebugMessage('imported'); },
        function () { botContext.printDebugMessage('import refused'); });`;
    const { result, ms } = await timed(() => simulate(sandbox, integration(script), request()));
    expect(ms).toBeLessThan(2000);
    expect(result.debugLog).toEqual(['undefined,undefined,undefined', 'import refused']);
  });

  it('exposes no host object: the globals are QuickJS built-ins and botContext only', async () => {
    const script = `
      var found = [];
      ['fetch', 'require', 'process', 'module', 'globalThis.std', 'os', 'Deno', 'Buffer', 'setTimeout', 'importScripts', 'WebAssembly', 'console']
        .forEach(function (name) { try { if (eval('typeof ' + name) !== 'undefined') found.push(name); } catch (e) {} });
      botContext.printDebugMessage(found.join(','));
      botContext.printDebugMessage(Object.keys(botContext).join(','));`;
    const result = await simulate(sandbox, integration(script), request());
    expect(result.error).toBeNull();
    expect(result.debugLog).toEqual(['', BOT_CONTEXT_FUNCTION_NAMES.join(',')]);
  });

  it('reports a syntax error and a runtime error with their line and column in the script', async () => {
    const syntax = await simulate(sandbox, integration('var a = 1;\nvar = 2;'), request());
    expect(syntax.error).toEqual({ kind: 'script', message: 'SyntaxError: variable name expected.', line: 2, column: 5 });
    const runtime = await simulate(sandbox, integration('var a = null;\n\n  a.b.c = 1;'), request());
    // QuickJS points at the dot of the member access that failed.
    expect(runtime.error).toMatchObject({ kind: 'script', line: 3, column: 4, message: expect.stringMatching(/^TypeError:/) });
    const thrown = await simulate(sandbox, integration("throw 'no stores';"), request());
    expect(thrown.error).toMatchObject({ kind: 'script', message: 'Uncaught "no stores".' });
  });

  it('ends deep recursion as a script error, not a crash', async () => {
    const result = await simulate(sandbox, integration('function f(n) { return f(n + 1) + 1; }\nf(0);'), request());
    expect(result.error).toMatchObject({ kind: 'script', message: expect.stringContaining('stack overflow'), line: 1 });
  });

  it('keeps what the script logged and set before it failed', async () => {
    const script = "botContext.printDebugMessage('before');\nbotContext.setBotVariable('step', 1, false, false);\nundefinedFunction();";
    const result = await simulate(sandbox, integration(script), request());
    expect(result.debugLog).toEqual(['before']);
    expect(result.botVariables).toEqual([{ key: 'step', value: '1' }]);
    expect(result.error).toMatchObject({ kind: 'script', line: 3 });
  });

  it('is not fooled by a script that replaces JSON.stringify or Array.prototype.push', async () => {
    const script =
      "JSON.stringify = function () { return '{}'; };\nArray.prototype.push = function () {};\nbotContext.printDebugMessage('kept');";
    const result = await simulate(sandbox, integration(script), request());
    expect(result.debugLog).toEqual(['kept']);
    expect(result.customDataFields[0]?.value).toEqual(['a', 'b']);
  });

  it('gives each run a fresh runtime: nothing leaks from one run to the next', async () => {
    await simulate(sandbox, integration('globalThis.leak = 42;'), request());
    const next = await simulate(sandbox, integration('botContext.printDebugMessage(typeof leak);'), request());
    expect(next.debugLog).toEqual(['undefined']);
  });

  it('finds the script position in QuickJS stacks, skipping frames outside the script', () => {
    expect(scriptPosition('    at <eval> (transform.js:2:14)\n')).toEqual({ line: 2, column: 14 });
    expect(scriptPosition('    at transform.js:2:7\n')).toEqual({ line: 2, column: 7 });
    expect(scriptPosition('    at f (prelude.js:9:3)\n    at <eval> (transform.js:4:1)\n')).toEqual({ line: 4, column: 1 });
    expect(scriptPosition('')).toEqual({ line: null, column: null });
  });
});
