import { useContext, type ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { describedWithNote, EnvNote, useEnvCompletion, useEnvNoteShown } from './env-completion';
import { Field, FieldScope, fieldId } from './field';

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
  const { register, setValue } = useFormContext();
  const id = fieldId(name, useContext(FieldScope));
  const registration = register(name, {
    valueAsNumber: inputType === 'number',
    onChange: onValueChange ? (event: { target: { value: string } }) => onValueChange(event.target.value) : undefined,
  });
  const isText = inputType === 'text';
  const completion = useEnvCompletion({
    id,
    kind: multiline ? 'textarea' : 'input',
    onValue: (text) => {
      setValue(name, text, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
      onValueChange?.(text);
    },
  });
  const value = useWatch({ name }) as unknown;
  const text = isText && typeof value === 'string' ? value : '';
  const noteId = `${id}-env`;
  const noted = useEnvNoteShown(text);
  return (
    <Field name={name} label={label} required={required} help={help}>
      {(control) => {
        const aria = { ...control, 'aria-describedby': describedWithNote(control['aria-describedby'], noteId, noted) };
        return (
          <>
            {multiline ? (
              <textarea
                className="input input--multiline"
                rows={rows}
                placeholder={placeholder}
                {...aria}
                {...completion.props}
                {...registration}
              />
            ) : (
              <input
                className="input"
                type={inputType}
                autoComplete="off"
                spellCheck={false}
                placeholder={placeholder}
                inputMode={inputMode}
                {...aria}
                {...(isText ? completion.props : {})}
                {...registration}
              />
            )}
            {completion.popup}
            <EnvNote id={noteId} text={text} testId={`env-resolved-${name}`} />
          </>
        );
      }}
    </Field>
  );
}
