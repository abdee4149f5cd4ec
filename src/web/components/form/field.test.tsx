import { zodResolver } from '@hookform/resolvers/zod';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormProvider, useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TextField } from './text-field';

const schema = z.object({
  name: z.string().min(1, 'Name is required.'),
  message: z.string().min(1, 'Message is required.'),
});

function NewForm() {
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: '', message: '' }, mode: 'onTouched' });
  return (
    <FormProvider {...form}>
      <form onSubmit={form.handleSubmit(() => undefined)} noValidate>
        <TextField name="name" label="Name" required />
        <TextField name="message" label="Message" required />
        <button type="submit">Save</button>
      </form>
    </FormProvider>
  );
}

describe('the errors of a new form', () => {
  it('stay away while the user only moves through the fields, and come once they typed or saved', async () => {
    const user = userEvent.setup();
    render(<NewForm />);
    // Focus in Name (as Add Integration puts it there), then on to Message and out: nothing typed yet.
    await user.click(screen.getByLabelText(/^Name/));
    await user.tab();
    await user.tab();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText(/^Name/)).toHaveAttribute('aria-invalid', 'false');

    await user.type(screen.getByLabelText(/^Name/), 'x');
    await user.clear(screen.getByLabelText(/^Name/));
    await user.tab();
    expect(await screen.findByText('Name is required.')).toBeVisible();
    expect(screen.queryByText('Message is required.')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Message is required.')).toBeVisible();
  });
});
