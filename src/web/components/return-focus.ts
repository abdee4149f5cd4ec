import { useState, type RefObject } from 'react';
import { counterpartOf } from './counterpart';

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
 * onCloseAutoFocus for a dialog with no Radix trigger (a row's button, a menu item or a navigation opens
 * it): the focus goes back to what had it when the dialog opened, or to the main content when that is gone
 * (a deleted row takes its buttons along). Radix alone gives it back to its trigger only, so without this
 * the focus fell on the page itself and the keyboard started again from the top.
 */
export function useReturnFocus(open: boolean): (event: Event) => void {
  // Read as the dialog first renders open, before its focus trap moves the focus in.
  const [shown, setShown] = useState(() => ({ open, opener: open ? focusedOpener() : null }));
  if (shown.open !== open) setShown({ open, opener: open ? focusedOpener() : shown.opener });
  const { opener } = shown;
  return (event) => {
    // An opener drawn anew while the dialog was open (the list's rows, once its virtual window took over) is
    // found again by its name; one that is gone for good (a deleted row's button) leaves the main content.
    const target = (opener?.isConnected ? opener : opener && counterpartOf(opener)) ?? document.getElementById('main');
    if (!target) return;
    event.preventDefault();
    target.focus();
  };
}
