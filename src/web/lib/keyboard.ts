import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/** True where a printable key is the user's text: a field, a select, an editor (Monaco's is a textarea). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/** The attribute that marks a list's filter: `/` focuses the one on screen. */
export const LIST_FILTER_ATTRIBUTE = 'data-list-filter';
export const listFilterProps = { [LIST_FILTER_ATTRIBUTE]: '' } as const;

/** The attribute on a row's main control (its link): the arrow keys move between these. */
export const ROW_ATTRIBUTE = 'data-row-link';
export const rowLinkProps = { [ROW_ATTRIBUTE]: '' } as const;

const rowsIn = (list: HTMLElement) => [...list.querySelectorAll<HTMLElement>(`[${ROW_ATTRIBUTE}]`)];

/**
 * Arrow keys on a list of rows: Down and Up move the focus to the next or previous row's link, Home and End
 * to the first and last, from the link or any other control of a row. Tab still visits every control; the
 * arrows are the quick way through a long list. A virtual list draws a few rows beyond the visible ones, so
 * the next row is there to take the focus; the browser scrolls it into view, and the window follows.
 */
export function moveBetweenRows(event: ReactKeyboardEvent<HTMLElement>): void {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key) || isTyping(event.target)) return;
  const rows = rowsIn(event.currentTarget).sort(byPosition);
  if (rows.length === 0) return;
  const target = event.target as HTMLElement;
  const at = rows.findIndex((row) => row === target || row.closest('li')?.contains(target));
  if (at === -1) return;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? rows.length - 1
        : Math.max(0, Math.min(rows.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)));
  event.preventDefault();
  rows[next]!.focus();
}

/** A virtual list's rows are drawn in any order: their place is their aria-posinset. */
function byPosition(a: HTMLElement, b: HTMLElement): number {
  const place = (row: HTMLElement) => Number(row.closest('li')?.getAttribute('aria-posinset') ?? Number.NaN);
  const [left, right] = [place(a), place(b)];
  return Number.isNaN(left) || Number.isNaN(right) ? 0 : left - right;
}
