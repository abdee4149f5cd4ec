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
