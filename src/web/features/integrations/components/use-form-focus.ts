import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { IntegrationValues } from '../../../../domain/integration';
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
 * to the row that took its place, or to the Add button when the last row went. Listens on the document,
 * after React has handled the click (so for a keyboard press of the button too), and moves the focus once
 * the row is gone.
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
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
}
