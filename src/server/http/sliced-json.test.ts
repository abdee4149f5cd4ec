import { describe, expect, it } from 'vitest';
import { stringifyIndentedSliced } from './sliced-json';
import { turnsDuring } from '../testing/event-loop-turns';

describe('stringifyIndentedSliced', () => {
  it.each([
    ['a file of arrays and objects', { a: [1, { b: [2, 'x\ny'], c: {} }, [], null], d: { e: [1, 2] }, f: 'text', g: [], h: {} }],
    ['left-out values', { a: undefined, b: [undefined, () => 1, { c: undefined }], d: () => 2, e: 3 }],
    ['an empty object', {}],
    ['an array', [1, [2, { a: 3 }]]],
    ['a scalar', 'text'],
    ['dates and toJSON', { at: new Date(0), list: [new Date(1)], own: { toJSON: () => ({ x: 1 }) } }],
  ])('writes %s as JSON.stringify(value, null, 2) does', async (_, value) => {
    expect(await stringifyIndentedSliced(value)).toBe(JSON.stringify(value, null, 2));
  });

  it("lets other work in while it writes a list three levels down (a native export's dialogs)", async () => {
    const value = {
      extras: {
        topLevel: {
          conversationMessage: Array.from({ length: 30_000 }, (_, index) => ({ id: `m${index}`, content: { text: 'x'.repeat(50) } })),
        },
      },
    };
    const { turns, result: text } = await turnsDuring(() => stringifyIndentedSliced(value));
    expect(text).toBe(JSON.stringify(value, null, 2));
    // Written in one call, as its member was before, it gave the event loop no turn at all.
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  it('writes 20,000 items identically', async () => {
    const value = {
      responder: Array.from({ length: 20_000 }, (_, index) => ({ id: index, config: { url: `https://x/${index}`, list: [index] } })),
    };
    expect(await stringifyIndentedSliced(value)).toBe(JSON.stringify(value, null, 2));
  });
});
