/** Which rows to draw, and where: the virtual window, or the first rows before it is here. */
export interface RowWindow {
  rows: { index: number; start: number }[];
  totalSize: number;
}

/** Rows drawn beyond the visible ones, so a quick scroll does not show gaps. */
export const OVERSCAN = 8;

/** The rows a screen of this height can show at once, and a few more, from the top. */
export function firstWindow(count: number, rowHeight: number, viewportHeight: number): RowWindow {
  const fits = Math.ceil(viewportHeight / rowHeight) + OVERSCAN;
  const rows = Array.from({ length: Math.min(count, fits) }, (_, index) => ({ index, start: index * rowHeight }));
  return { rows, totalSize: count * rowHeight };
}
