import type { RefObject } from 'react';

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
