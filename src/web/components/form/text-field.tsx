import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { Field } from './field';
import { useTextCompletion } from './text-completion';

interface TextFieldProps {
  name: string;
  label: string;
  required?: boolean;
  help?: ReactNode;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  inputType?: 'text' | 'number' | 'email' | 'url';
  /** The keyboard a phone shows: `numeric` for ids typed as text (no spinner the mouse wheel changes). */
  inputMode?: 'numeric' | 'text';
  onValueChange?: (value: string) => void;
}

export function TextField({
  name,
  label,
  required,
  help,
  multiline = false,
  rows = 3,
  placeholder,
  inputType = 'text',
  inputMode,
  onValueChange,
}: TextFieldProps) {
  const { register } = useFormContext();
  const completion = useTextCompletion();
  const registration = register(name, {
    valueAsNumber: inputType === 'number',
    onChange: onValueChange ? (event: { target: { value: string } }) => onValueChange(event.target.value) : undefined,
  });
  return (
    <Field name={name} label={label} required={required} help={help}>
      {(control) =>
        multiline ? (
          <textarea className="input input--multiline" rows={rows} placeholder={placeholder} {...control} {...registration} />
        ) : (
          <input
            className="input"
            type={inputType}
            autoComplete="off"
            spellCheck={false}
            placeholder={placeholder}
            inputMode={inputMode}
            list={inputType === 'text' ? completion : undefined}
            {...control}
            {...registration}
          />
        )
      }
    </Field>
  );
}
