import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormProvider, useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { CustomDataFields } from './custom-data-fields';

function Form({ keys }: { keys: string[] }) {
  const form = useForm({ defaultValues: { name: 'Escalation', customDataFields: keys.map((key) => ({ key, value: `{$.${key}}` })) } });
  return (
    <FormProvider {...form}>
      <CustomDataFields />
    </FormProvider>
  );
}

const keys = () => screen.getAllByRole('textbox', { name: /^Key \d+$/ }).map((input) => (input as HTMLInputElement).value);

describe('CustomDataFields', () => {
  it('keeps the focus on the moved row: on the same arrow, or on the other one once the row reaches an end', async () => {
    const user = userEvent.setup();
    render(<Form keys={['a', 'b', 'c']} />);
    screen.getByRole('button', { name: 'Move row 1 down' }).focus();
    await user.keyboard('{Enter}');
    expect(keys()).toEqual(['b', 'a', 'c']);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move row 2 down' })).toHaveFocus());

    await user.keyboard('{Enter}');
    expect(keys()).toEqual(['b', 'c', 'a']);
    // Last now: its down arrow is disabled, so the focus is on its up arrow, still on the row moved.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move row 3 up' })).toHaveFocus());

    await user.keyboard('{Enter}{Enter}');
    expect(keys()).toEqual(['a', 'b', 'c']);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move row 1 down' })).toHaveFocus());
  });
});
