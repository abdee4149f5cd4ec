import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { INTEGRATION_TYPE_DESCRIPTORS, type IntegrationType } from '../../../../../domain/integration-types';
import { requiredFieldsOf } from '../../../../../domain/integration-types/fields-of-type';
import { CommonFields } from './common-fields';
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

describe('the examples in empty inputs', () => {
  it.each(INTEGRATION_TYPE_DESCRIPTORS.map((descriptor) => [descriptor.type, descriptor] as const))(
    '%s shows each field’s example from its descriptor, in its inputs and in a new key/value row',
    async (type, descriptor) => {
      const user = userEvent.setup();
      render(<Form type={type}>{(meta) => <TypeFields type={type} meta={meta} />}</Form>);
      const fields = Object.entries(descriptor.fields);
      for (const [name, field] of fields) {
        if (field.placeholder) expect(screen.getByLabelText(field.label), name).toHaveAttribute('placeholder', field.placeholder);
        if (!field.rowPlaceholder) continue;
        const list = screen.getByTestId(`field-${name}`);
        await user.click(within(list).getByRole('button', { name: /^Add / }));
        const [key, value] = within(list).getAllByRole('textbox');
        expect(key, name).toHaveAttribute('placeholder', field.rowPlaceholder.key);
        expect(value, name).toHaveAttribute('placeholder', field.rowPlaceholder.value);
      }
    },
  );

  it('suggests a name of the chosen type’s kind, one the demo bot does not have', () => {
    const { unmount } = render(<Form type="API">{(meta) => <CommonFields meta={meta} onTypeChange={() => {}} />}</Form>);
    expect(screen.getByLabelText('Integration Name')).toHaveAttribute('placeholder', 'TrackShipment');
    expect(screen.getByLabelText('Response Data Variable Name')).toHaveAttribute('placeholder', 'TrackShipment');
    unmount();
    render(<Form type="LIVEPERSON_AGENT_ESCALATION">{(meta) => <CommonFields meta={meta} onTypeChange={() => {}} />}</Form>);
    expect(screen.getByLabelText('Integration Name')).toHaveAttribute('placeholder', 'TransferToSales');
  });
});
