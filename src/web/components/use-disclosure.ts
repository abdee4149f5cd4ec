import { useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

/**
 * A button that shows and hides a popup beside it (the top bar's theme and person menus): a pointer down
 * outside, the focus leaving, or Escape (which gives the focus back to the button) closes it. Spread
 * `rootProps` on the element holding both, `ref={button}` on the button. `onOpen` runs as it opens.
 */
export function useDisclosure(onOpen?: (root: HTMLDivElement) => void) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const opened = useRef(onOpen);
  useLayoutEffect(() => {
    opened.current = onOpen;
  });

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    if (root.current) opened.current?.(root.current);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const rootProps = {
    ref: root,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Escape' && open) {
        setOpen(false);
        button.current?.focus();
      }
    },
    onBlur: (event: FocusEvent) => {
      if (!root.current?.contains(event.relatedTarget as Node | null) && event.relatedTarget) setOpen(false);
    },
  };
  return { open, setOpen, button, rootProps };
}
