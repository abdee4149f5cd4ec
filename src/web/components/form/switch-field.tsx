import { Switch } from 'radix-ui';
import type { ReactNode } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { Field } from './field';

interface SwitchFieldProps {
  name: string;
  label: string;
  help?: ReactNode;
}

/** A boolean as a Radix switch (role="switch"), labelled by its field label. */
export function SwitchField({ name, label, help }: SwitchFieldProps) {
  const { control } = useFormContext();
  return (
    <Field name={name} label={label} help={help}>
      {({ 'aria-required': _required, ...aria }) => (
        <Controller
          control={control}
          name={name}
          render={({ field }) => (
            <Switch.Root
              className="switch"
              checked={Boolean(field.value)}
              onCheckedChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              {...aria}
            >
              <Switch.Thumb className="switch__thumb" />
            </Switch.Root>
          )}
        />
      )}
    </Field>
  );
}
