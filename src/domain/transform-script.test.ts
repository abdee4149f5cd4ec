import { describe, expect, it } from 'vitest';
import { findScriptSyntaxError } from './transform-script';

describe('findScriptSyntaxError', () => {
  it('reports the line and column (from 1) of the first syntax error', () => {
    expect(findScriptSyntaxError('var a = 1;\nvar b = ;')).toEqual({ message: 'Unexpected token', line: 2, column: 9 });
    expect(findScriptSyntaxError('botContext.setBotVariable("a", 1, true, false);')).toBeNull();
  });

  it('refuses module syntax: the platform runs a classic script', () => {
    expect(findScriptSyntaxError('import x from "y";')?.line).toBe(1);
  });

  it('gives the same answers when scripts come back after many others were checked', () => {
    const scripts = Array.from({ length: 200 }, (_, index) => (index % 2 ? `var v${index} = ${index};` : `var v${index} = ;`));
    const first = scripts.map(findScriptSyntaxError);
    const again = [...scripts].reverse().map(findScriptSyntaxError).reverse();
    expect(again).toEqual(first);
    expect(first.filter(Boolean)).toHaveLength(100);
  });
});
