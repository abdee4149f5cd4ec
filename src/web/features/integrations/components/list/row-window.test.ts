import { describe, expect, it } from 'vitest';
import { firstWindow, OVERSCAN } from './row-window';

describe('firstWindow', () => {
  it("draws the rows that fit on the screen and a few more, at the virtualizer's places, under the full height", () => {
    const first = firstWindow(5_000, 48, 800);
    expect(first.rows).toHaveLength(Math.ceil(800 / 48) + OVERSCAN);
    expect(first.rows[0]).toEqual({ index: 0, start: 0 });
    expect(first.rows.at(-1)).toEqual({ index: first.rows.length - 1, start: (first.rows.length - 1) * 48 });
    expect(first.totalSize).toBe(5_000 * 48);
  });

  it('draws every row of a short list', () => {
    expect(firstWindow(3, 48, 800).rows.map((row) => row.index)).toEqual([0, 1, 2]);
    expect(firstWindow(0, 48, 800)).toEqual({ rows: [], totalSize: 0 });
  });
});
