import type { ReactNode } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { Field } from './field';
import { SwitchControl } from './switch-control';

interface SwitchFieldProps {
  name: string;
  label: string;
  help?: ReactNode;
}

/** A boolean as a switch (role="switch"), labelled by its field label. */
export function SwitchField({ name, label, help }: SwitchFieldProps) {
  const { control } = useFormContext();
  return (
    <Field name={name} label={label} help={help}>
      {({ 'aria-required': _required, ...aria }) => (
        <Controller
          control={control}
          name={name}
          render={({ field }) => (
            <SwitchControl
              checked={Boolean(field.value)}
              onCheckedChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              name={field.name}
              {...aria}
            />
          )}
        />
      )}
    </Field>
  );
}
