import { useContext, type ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { describedWithNote, EnvNote, envTextOf, useEnvCompletion } from './env-completion';
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

/**
 * What the field's `{$env.NAME}` references resolve to. It follows the value only while the value holds a
 * reference: a keystroke in a field without one renders nothing here.
 */
function FieldEnvNote({ name, id }: { name: string; id: string }) {
  const text = useWatch({ name, compute: envTextOf });
  return <EnvNote id={id} text={text} testId={`env-resolved-${name}`} />;
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
  const noteId = `${id}-env`;
  return (
    <Field name={name} label={label} required={required} help={help}>
      {(control) => {
        // The note's id is named even while no note is drawn (an id that is not there describes nothing),
        // so the field need not follow its own value: a keystroke renders the note alone.
        const aria = { ...control, 'aria-describedby': describedWithNote(control['aria-describedby'], noteId, isText) };
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
            {isText ? <FieldEnvNote name={name} id={noteId} /> : null}
          </>
        );
      }}
    </Field>
  );
}
