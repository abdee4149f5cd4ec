import { useState, type RefObject } from 'react';
import { counterpartOf } from './counterpart';
import { ROW_ATTRIBUTE } from '../lib/keyboard';

/**
 * For Radix's onCloseAutoFocus of a dialog opened by a button outside it (a lazily loaded dialog has no
 * Dialog.Trigger): Radix would focus its missing trigger, leaving the focus on the page.
 */
export function returnFocusTo(opener: RefObject<HTMLElement | null> | undefined) {
  return (event: Event) => {
    if (!opener?.current) return;
    event.preventDefault();
    opener.current.focus();
  };
}

/**
 * What has the focus as a dialog opens. An item of a menu that closes as it opens the dialog stands for
 * the menu's button (Radix names the open menu in its button's aria-controls).
 */
function focusedOpener(): HTMLElement | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return null;
  const menu = active.closest<HTMLElement>('[role="menu"]');
  if (menu?.id) {
    const trigger = document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(menu.id)}"]`);
    if (trigger) return trigger;
  }
  return active;
}

/**
 * The row after the one `opener` is in (the one before, for the last row): where the focus goes once the
 * opener's own row is gone, so that the keyboard goes on down the list rather than from the top of it.
 */
function neighbourRow(opener: HTMLElement | null): HTMLElement | null {
  const row = opener?.closest('li, tr');
  for (const sibling of [row?.nextElementSibling, row?.previousElementSibling]) {
    const control = sibling?.querySelector<HTMLElement>(`[${ROW_ATTRIBUTE}]`) ?? sibling?.querySelector<HTMLElement>('a[href], button');
    if (control) return control;
  }
  return null;
}

const present = (element: HTMLElement | null) => (element?.isConnected ? element : element && counterpartOf(element));

interface Opened {
  open: boolean;
  opener: HTMLElement | null;
  nextRow: HTMLElement | null;
}

function opened(open: boolean, before: Opened | null): Opened {
  if (!open) return { open, opener: before?.opener ?? null, nextRow: before?.nextRow ?? null };
  const opener = focusedOpener();
  return { open, opener, nextRow: neighbourRow(opener) };
}

/**
 * onCloseAutoFocus for a dialog with no Radix trigger (a row's button, a menu item or a navigation opens
 * it): the focus goes back to what had it when the dialog opened; when that is gone (a deleted row takes its
 * buttons along) to the next row, else the main content. Radix alone gives it back to its trigger only, so
 * without this the focus fell on the page itself and the keyboard started again from the top.
 */
export function useReturnFocus(open: boolean): (event: Event) => void {
  // Read as the dialog first renders open, before its focus trap moves the focus in.
  const [shown, setShown] = useState(() => opened(open, null));
  if (shown.open !== open) setShown(opened(open, shown));
  const { opener, nextRow } = shown;
  return (event) => {
    // An opener drawn anew while the dialog was open (the list's rows, once its virtual window took over) is
    // found again by its name; one that is gone for good (a deleted row's button) leaves it on the row that
    // took its place, or the main content.
    const target = present(opener) ?? present(nextRow) ?? document.getElementById('main');
    if (!target) return;
    event.preventDefault();
    target.focus();
  };
}
