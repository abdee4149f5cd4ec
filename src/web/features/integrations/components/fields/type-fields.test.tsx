import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { INTEGRATION_TYPE_DESCRIPTORS, type IntegrationType } from '../../../../../domain/integration-types';
import { requiredFieldsOf } from '../../../../../domain/integration-types/fields-of-type';
import { useFieldMeta } from './field-meta';
import { emptyValuesFor, type FormValues } from '../form/form-values';
import { TypeFields } from './type-fields';

function Form({ type, children }: { type: IntegrationType; children: (meta: ReturnType<typeof useFieldMeta>) => ReactNode }) {
  const form = useForm<FormValues>({ defaultValues: emptyValuesFor(type) });
  const meta = useFieldMeta(type);
  // The suggestion inputs load their combobox once the screen has settled, which they learn from the query client.
  return (
    <QueryClientProvider client={new QueryClient()}>
      <FormProvider {...form}>{children(meta)}</FormProvider>
    </QueryClientProvider>
  );
}

// The Record of components makes a type without one a compile error; this makes a field its component forgot a failure.
describe('the fields of each type', () => {
  it.each(INTEGRATION_TYPE_DESCRIPTORS.map((descriptor) => [descriptor.type, descriptor] as const))(
    '%s shows every field of its descriptor, with its label, help and asterisk',
    (type, descriptor) => {
      render(<Form type={type}>{(meta) => <TypeFields type={type} meta={meta} />}</Form>);
      const required = requiredFieldsOf(type);
      const shown = Array.from(document.querySelectorAll('[data-testid^="field-"]')).map((element) =>
        element.getAttribute('data-testid')!.slice('field-'.length),
      );
      expect(shown).toEqual(Object.keys(descriptor.fields));
      for (const [name, field] of Object.entries(descriptor.fields)) {
        const container = screen.getByTestId(`field-${name}`);
        expect(within(container).getAllByText(field.label).length, name).toBeGreaterThan(0);
        expect(container.textContent, name).toContain(field.help);
        expect(container.querySelector('.field__asterisk') !== null, `${name} asterisk`).toBe(required.has(name));
      }
    },
  );
});
