import { useEffect, useRef, useState } from 'react';
import { retryableLazy } from '../../components/lazy-part';
import { isTyping, LIST_FILTER_ATTRIBUTE } from '../../lib/keyboard';
import { whenIdle } from '../../lib/when-idle';

interface PartProps {
  onClose: () => void;
}

interface PaletteProps extends PartProps {
  /** What was typed between Ctrl+K and the palette's first render (its code was on its way): its search starts with it. */
  typedAhead: () => string;
  /** The palette's search has the focus: keys are its own from now on. Answers all that was typed before. */
  onShown: () => string | null;
}

const loadParts = () => import('./keyboard-parts');
const CommandPalette = retryableLazy<PaletteProps>(
  () => loadParts().then((module) => ({ default: module.CommandPalette })),
  'the command palette',
);
const ShortcutsDialog = retryableLazy<PartProps>(
  () => loadParts().then((module) => ({ default: module.ShortcutsDialog })),
  'the shortcuts',
);

type Open = 'palette' | 'shortcuts' | null;

/** Ctrl+K or Cmd+K, whatever has the focus (an editor that takes the chord itself keeps it). */
const isPaletteKey = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';

/**
 * The app's own keys: Ctrl+K the command palette, `?` the list of shortcuts, `/` the list filter on screen.
 * This part is always here, so the first press works; the palette and the dialog load once the browser is
 * idle (or at that first press, then show as soon as their code is here).
 */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState<Open>(null);
  // Ctrl+K then typing at once, before the palette's code is here: the letters are kept for its search.
  const typedAhead = useRef<string | null>(null);
  useEffect(() => whenIdle(() => void loadParts().catch(() => undefined), 2000), []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (isPaletteKey(event)) {
        event.preventDefault();
        setOpen((shown) => {
          typedAhead.current = shown === 'palette' ? null : '';
          return shown === 'palette' ? null : 'palette';
        });
        return;
      }
      if (typedAhead.current !== null) {
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          event.preventDefault();
          typedAhead.current += event.key;
        }
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || insideDialog(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        setOpen('shortcuts');
      } else if (event.key === '/') {
        const filter = visibleFilter();
        if (!filter) return;
        // The key would otherwise be typed into the filter it just focused.
        event.preventDefault();
        filter.focus();
        filter.select();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  const close = () => {
    typedAhead.current = null;
    setOpen(null);
  };
  if (open === 'palette') {
    return (
      <CommandPalette
        onClose={close}
        typedAhead={() => typedAhead.current ?? ''}
        onShown={() => {
          const typed = typedAhead.current;
          typedAhead.current = null;
          return typed;
        }}
      />
    );
  }
  if (open === 'shortcuts') return <ShortcutsDialog onClose={close} />;
  return null;
}

/** A dialog has its own keys: `/` and `?` leave the page behind it alone. */
const insideDialog = (target: EventTarget | null) =>
  target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"]') !== null;

/** The filter of the list on screen (the folded list's is hidden on a phone until the list opens). */
function visibleFilter(): HTMLInputElement | null {
  const filters = [...document.querySelectorAll<HTMLInputElement>(`input[${LIST_FILTER_ATTRIBUTE}]`)];
  return filters.find((input) => input.getClientRects().length > 0) ?? filters[0] ?? null;
}
