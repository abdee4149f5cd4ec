import { useEffect, type RefObject } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { IntegrationValues } from '../../../../../domain/integration';
import type { FormValues } from './form-values';

/** Add Integration: the name is the first thing to type, so the focus starts there. */
export function useFocusOnAdd(form: UseFormReturn<FormValues, unknown, IntegrationValues>, isNew: boolean): void {
  useEffect(() => {
    if (isNew) form.setFocus('name');
  }, [form, isNew]);
}

const REMOVE_ROW = /^Remove row (\d+)$/;

/**
 * A removed custom data row takes its Remove button with it, and the focus would fall to the page. It goes
 * to the row that took its place, or to the Add button when the last row went. Listens to clicks (a key
 * press on the button is one too) and moves the focus once the row is gone.
 */
export function useFocusAfterRowRemoval(): void {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      const match = REMOVE_ROW.exec(button?.getAttribute('aria-label') ?? '');
      const group = button?.closest<HTMLElement>('[data-testid="field-customDataFields"]');
      if (!match || !group) return;
      const index = Number(match[1]) - 1;
      setTimeout(() => {
        const nextKey = group.querySelectorAll<HTMLElement>('.cdf__row .cdf__key')[index];
        const add = [...group.querySelectorAll<HTMLButtonElement>('button')].find((candidate) =>
          /^Add\b/.test(candidate.textContent ?? ''),
        );
        (nextKey ?? add)?.focus();
      });
    };
    // Capture: before React removes the row (and the button with it) from the document.
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);
}

/** What had the focus when a new integration was saved: the stored one opens in a new form. */
let focusedBeforeCreate: { name: string | null; label: string | null } | null = null;

export function rememberFocusForNewForm(): void {
  const active = document.activeElement;
  focusedBeforeCreate =
    active instanceof HTMLElement ? { name: active.getAttribute('name'), label: active.getAttribute('aria-label') } : null;
}

/**
 * After Save the focus stays where it was, even when saving a new integration replaces the Add form
 * with the stored integration's form: the same control of the new form gets it (the script editor
 * once it has loaded).
 */
export function useFocusCarriedOver(): void {
  useEffect(() => {
    const wanted = focusedBeforeCreate;
    focusedBeforeCreate = null;
    if (!wanted || (!wanted.name && !wanted.label)) return;
    const selector = wanted.name ? `form [name="${CSS.escape(wanted.name)}"]` : `form [aria-label="${CSS.escape(wanted.label ?? '')}"]`;
    let tries = 0;
    const timer = setInterval(() => {
      const target = document.querySelector<HTMLElement>(selector);
      tries += 1;
      if (target) target.focus();
      if (target || tries > 50) clearInterval(timer);
    }, 50);
    return () => clearInterval(timer);
  }, []);
}

/**
 * The form's header sticks to the top of the scroller and grows on a phone (its buttons wrap) and with a
 * failed save's message. Its height, kept in `--form-header-height` on the form, is each field's
 * scroll-margin (form.css): a field the focus moves to (the first error after a failed save) stops below
 * the header, not under it.
 */
export function useStickyHeaderHeight(formRef: RefObject<HTMLFormElement | null>): void {
  useEffect(() => {
    const form = formRef.current;
    const header = form?.querySelector<HTMLElement>('.form-header');
    if (!form || !header || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => form.style.setProperty('--form-header-height', `${header.offsetHeight}px`));
    observer.observe(header);
    return () => observer.disconnect();
  }, [formRef]);
}
