import type { ReactNode } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { Field } from './field';
import { SelectControl, type SelectOption } from './select-control';

interface SelectFieldProps {
  name: string;
  label: string;
  required?: boolean;
  help?: ReactNode;
  options: readonly SelectOption[];
  onValueChange?: (value: string) => void;
}

export function SelectField({ name, label, required, help, options, onValueChange }: SelectFieldProps) {
  const { control } = useFormContext();
  return (
    <Field name={name} label={label} required={required} help={help}>
      {(aria) => (
        <Controller
          control={control}
          name={name}
          render={({ field }) => (
            <SelectControl
              {...aria}
              testId={`select-${name}`}
              value={String(field.value ?? '')}
              options={options}
              onChange={(value) => (onValueChange ? onValueChange(value) : field.onChange(value))}
              onBlur={field.onBlur}
            />
          )}
        />
      )}
    </Field>
  );
}
