import { fireEvent, render, screen } from '@testing-library/react';
import { memo, Profiler, useState } from 'react';
import { useForm, useFormContext, useFormState } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { FormMethodsProvider } from './form-methods-provider';

interface Values {
  name: string;
}

/** Renders of the field, as React's Profiler reports them. */
const renders = { field: 0 };
const countFieldRender = () => {
  renders.field += 1;
};

/** A field as ours are: methods and control from the context, the state it shows from useFormState. */
function NameField() {
  const { register, control } = useFormContext<Values>();
  const { isDirty } = useFormState({ control });
  return (
    <>
      <label>
        Name <input {...register('name')} />
      </label>
      <span data-testid="field-dirty">{isDirty ? 'dirty' : 'clean'}</span>
    </>
  );
}

/** Reads the context's formState when clicked, as an event handler would. */
function StateReader() {
  const { formState } = useFormContext<Values>();
  const [read, setRead] = useState('');
  return (
    <button type="button" onClick={() => setRead(formState.isDirty ? 'dirty' : 'clean')}>
      Read {read}
    </button>
  );
}

/** Behind a memo, as IntegrationForm's sections are: only the context reaches the fields. */
const Sections = memo(function Sections() {
  return (
    <>
      <Profiler id="name-field" onRender={countFieldRender}>
        <NameField />
      </Profiler>
      <StateReader />
    </>
  );
});

function Form() {
  const form = useForm<Values>({ defaultValues: { name: 'Escalation' } });
  // The form itself shows its state (as IntegrationForm does with isDirty): each change renders it again.
  return (
    <FormMethodsProvider form={form}>
      <p data-testid="form-dirty">{form.formState.isDirty ? 'dirty' : 'clean'}</p>
      <Sections />
    </FormMethodsProvider>
  );
}

describe('FormMethodsProvider', () => {
  it('does not render the fields again when the form state changes', () => {
    renders.field = 0;
    render(<Form />);
    // useForm sets isReady in a layout effect after the first render: the fields do not render for it.
    expect(renders.field).toBe(1);
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Escalation 2' } });
    expect(screen.getByTestId('form-dirty').textContent).toBe('dirty');
    // The field renders for what it subscribed to (isDirty), once, not again for the form's context.
    expect(screen.getByTestId('field-dirty').textContent).toBe('dirty');
    expect(renders.field).toBe(2);
  });

  it("gives the context a formState that reads the form's state of the moment", () => {
    render(<Form />);
    fireEvent.click(screen.getByRole('button', { name: /^Read/ }));
    expect(screen.getByRole('button').textContent).toBe('Read clean');
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Escalation 2' } });
    fireEvent.click(screen.getByRole('button', { name: /^Read/ }));
    expect(screen.getByRole('button').textContent).toBe('Read dirty');
  });
});
