import { useEffect, useRef } from 'react';
import { useLocation } from '../lib/history-router';

/**
 * A link that opens another screen is usually gone with the screen it was on, and the focus fell on the
 * page: a screen reader said nothing of the new screen and the keyboard started again from the top. After
 * each change of address, a focus that was lost goes to the link with the same address on the new screen
 * (the bot's Integrations and Dialogs tabs), else to the main content, which the next Tab enters. A focus
 * the new screen placed itself (Add Integration's name, a row of the list that stays) is left alone.
 */
export function useFocusAfterNavigation(): void {
  const { pathname } = useLocation();
  const activated = useRef<string | null>(null);
  const first = useRef(true);

  useEffect(() => {
    // The address of the link last clicked (Enter on a link is a click too), read before it leaves the page.
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      activated.current = link?.getAttribute('href') ?? null;
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);

  useEffect(() => {
    // The first screen keeps the browser's own start.
    if (first.current) {
      first.current = false;
      return;
    }
    const href = activated.current;
    activated.current = null;
    const main = document.getElementById('main');
    const same = () => (href ? main?.querySelector<HTMLElement>(`a[href="${CSS.escape(href)}"]`) : null);
    let watch: MutationObserver | null = null;
    // After the new screen's own effects, which may place the focus themselves.
    const timer = setTimeout(() => {
      const active = document.activeElement;
      if (!main || (active && active !== document.body)) return;
      const link = same();
      (link ?? main).focus({ preventScroll: true });
      if (link || !href) return;
      // A screen whose code is still on its way draws the link later: it takes the focus then, unless the
      // user has moved on.
      watch = new MutationObserver(() => {
        const late = same();
        if (document.activeElement !== main) watch?.disconnect();
        else if (late) {
          watch?.disconnect();
          late.focus({ preventScroll: true });
        }
      });
      watch.observe(main, { childList: true, subtree: true });
    });
    return () => {
      clearTimeout(timer);
      watch?.disconnect();
    };
  }, [pathname]);
}
