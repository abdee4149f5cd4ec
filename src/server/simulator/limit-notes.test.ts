import { parse } from 'acorn';
import { getQuickJS, type QuickJSWASMModule } from 'quickjs-emscripten';
import { beforeAll, describe, expect, it } from 'vitest';
import { instrumentScript } from './limit-notes';

let QuickJS: QuickJSWASMModule;
beforeAll(async () => {
  QuickJS = await getQuickJS();
});

/**
 * Runs a script (after a note that counts what it is handed) and its jobs: its completion value, or its
 * error's stack. Nothing is disposed: a runtime left with pending promises asserts on dispose.
 */
function run(script: string, noteName = '__noteLimit'): { value?: unknown; stack?: string; noted: number } {
  const vm = QuickJS.newContext();
  // As the simulator does: deep recursion ends as QuickJS's "stack overflow", far from the WebAssembly stack's end.
  vm.runtime.setMaxStackSize(256 * 1024);
  vm.unwrapResult(
    // Like the prelude's, this note needs more stack than a plain call: near the stack's end it fails first.
    vm.evalCode(
      `var noted = 0; function spend(k) { return k ? spend(k - 1) : 0; }
Object.defineProperty(Number.prototype, '${noteName}', { value: function (e) { spend(20); noted++; return e; } });`,
    ),
  );
  const result = vm.evalCode(script, 'transform.js');
  vm.runtime.executePendingJobs();
  const noted = vm.getNumber(vm.getProp(vm.global, 'noted'));
  if (result.error) return { stack: String((vm.dump(result.error) as { stack?: unknown }).stack), noted };
  return { value: vm.dump(result.value) as unknown, noted };
}

function instrumented(script: string) {
  return instrumentScript(script, 'transform.js');
}

describe('instrumentScript', () => {
  it.each([
    ['a directive without its semicolon', "function f() { 'use strict'\n  return this === undefined; }\nf();"],
    ['a directive with its semicolon', "function f() { 'use strict'; return this === undefined; }\nf();"],
    ['a function called before its declaration', "function f() { return g(); function g() { return 'hoisted'; } }\nf();"],
    ['a var and a function of one name', 'function f() { var g = 1; function g() {} return typeof g; }\nf();'],
    ['two functions of one name', 'function f() { function g() { return 1; } function g() { return 2; } return g(); }\nf();'],
    ['a labelled function and a var of one name', 'function f() { var g = 1; l: function g() {} return typeof g; }\nf();'],
    ['a function named like its parameter', 'function f(a) { function a() {} return typeof arguments[0]; }\nf(1);'],
    ['an arrow returning an object', 'var o = (() => ({ a: 1 }))();\no.a;'],
    ['curried arrows', 'var add = (a) => (b) => (c) => a + b + c;\nadd(1)(2)(3);'],
    ['an arrow returning a sequence', '((x) => (x, x + 1))(1);'],
    ['an arrow whose body starts on the next line', 'var f = (x) =>\n  x * 2;\nf(4);'],
    ['a catch without a binding', "try { throw 1; } catch { 'caught'; }"],
    ['a catch with a pattern', 'try { throw { a: 5, b: [6] }; } catch ({ a, b: [c] }) { a + c; }'],
    ['a catch with a default in its pattern', 'var d = 3;\ntry { throw {}; } catch ({ a = d }) { a; }'],
    ['a finally that continues', 'var n = 0;\nfor (var i = 0; i < 3; i++) { try { n++; throw 1; } finally { continue; } }\nn;'],
    ['a finally that returns', "function f() { try { throw new Error('x'); } finally { return 'swallowed'; } }\nf();"],
    ['a catch inside with', 'var o = { x: 1 };\nwith (o) { try { throw 2; } catch (e) { x + e; } }'],
    ['generators', 'function* g() { yield 1; try { yield 2; } finally { yield 3; } }\n[...g()].join();'],
    [
      'classes',
      'class A { constructor(x) { this.x = x; } get y() { return this.x + 1; } static s() { return 1; } }\nclass B extends A { constructor() { super(2); } }\nnew B().y + A.s();',
    ],
    ['accessors', 'var o = { v: 1, get a() { return this.v; }, set a(v) { this.v = v * 2; } };\no.a = 2;\no.a;'],
    ['defaults that close over later parameters', 'function f(a = () => b, b = 2) { return a(); }\nf();'],
    [
      'arguments and new.target',
      'function F() { this.n = arguments.length; this.t = new.target === F; }\nvar f = new F(1, 2);\n[f.n, f.t].join();',
    ],
    ['labels', 'outer: for (var i = 0; i < 3; i++) { for (;;) { try { continue outer; } finally { i += 10; } } }\ni;'],
    ['a non-ASCII catch binding', 'try { throw 7; } catch (ё) { ё * 2; }'],
    [
      'defaults of an async function',
      'var out;\nasync function f(a = 1, { b } = { b: a + 1 }, c = function () {}, [d = 4] = []) { out = [a, b, c.name, d].join(); }\nf();\nout;',
    ],
    ['async functions and awaits', 'var out = [];\nasync function f() { out.push(1); await null; out.push(3); }\nf(); out.push(2);\nout;'],
  ])('runs %s as before, on the same lines', (_name, script) => {
    const { source } = instrumented(script);
    expect(source.split('\n')).toHaveLength(script.split('\n').length);
    expect(() => parse(source, { ecmaVersion: 'latest', sourceType: 'script' })).not.toThrow();
    expect(run(source).value).toEqual(run(script).value);
  });

  it.each([
    ['a function', 'function f() { null.x; }\nf();'],
    ['an arrow', 'var g = () => null.x;\ng();'],
    ['a method with try and finally', 'var o = { m() { try { null.y; } finally {} } };\no.m();'],
    ['a catch with a pattern that throws again', "try { null.z; } catch ({ message }) { throw new Error('again: ' + message); }"],
    // Not `return f()`: QuickJS places such a caller's frame at `return` in a tail position, at the call inside a try.
    ['several frames over several lines', "function a() { b(); }\nfunction b() { 'use strict'\n  (() => { undefinedName; })(); }\na();"],
    ['an emoji before the inserted text', "var s = '😀'; var f = () => { null.x; };\nf();"],
  ])('keeps the position of an error in %s', (_name, script) => {
    const { source, restorePositions } = instrumented(script);
    const original = run(script).stack;
    expect(original).toMatch(/transform\.js:\d+:\d+/);
    expect(restorePositions(run(source).stack ?? '')).toBe(original);
  });

  it('keeps the position of a stack overflow, even where the note has no stack left to run', () => {
    const script = 'var depth = 0;\nfunction deep(n) { depth = n; try { return deep(n + 1) + 1; } finally { depth--; } }\ndeep(0);';
    const { source, restorePositions } = instrumented(script);
    const firstPosition = (stack: string | undefined) => /transform\.js:\d+:\d+/.exec(stack ?? '')?.[0];
    const original = run(script).stack;
    expect(original).toContain('transform.js:2:');
    expect(firstPosition(restorePositions(run(source).stack ?? ''))).toBe(firstPosition(original));
  });

  it('keeps positions on a long minified line', () => {
    const functions = Array.from({ length: 1000 }, (_, index) => `function f${index}(a){try{return a+1}catch(e){return 0}}`).join('');
    const script = `${functions}var s='😀';var g=()=>null.x;g();`;
    const { source, restorePositions } = instrumented(script);
    expect(restorePositions(run(source).stack ?? '')).toBe(run(script).stack);
  });

  it('hands every error that passes through a catch or leaves a function to the note', () => {
    const script = `function thrower() { throw new Error('a'); }
try { thrower(); } catch (e) {}
try { thrower(); } catch {}
new Promise(function () { thrower(); });
async function later() { await null; thrower(); }
later();`;
    // thrower's body, then the catch; twice; thrower and the executor; thrower and the async body.
    expect(run(instrumented(script).source).noted).toBe(8);
  });

  it('picks a note name the script does not use', () => {
    const script = 'var __noteLimit = 1, __noteLimit1 = 2;\ntry { throw 1; } catch (e) {}';
    const { source, noteName } = instrumented(script);
    expect(noteName).toBe('__noteLimit2');
    expect(run(source, noteName)).toMatchObject({ noted: 1 });
  });

  it('leaves a script that does not parse as it is', () => {
    const script = 'function (';
    expect(instrumented(script).source).toBe(script);
  });
});
