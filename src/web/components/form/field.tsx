import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { get, useFormContext, useFormState, type FieldValues, type FormState } from 'react-hook-form';
import { fieldId } from './field-id';

/**
 * Two forms on one page may both have a `name` field (the new-bot form and the edit dialog over it):
 * a form gives its fields a scope so their ids, and so their labels, stay their own.
 */
export const FieldScope = createContext<string>('');

export { fieldId } from './field-id';

export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': boolean;
  'aria-required': true | undefined;
}

interface FieldProps {
  name: string;
  label: string;
  required?: boolean;
  help?: ReactNode;
  /** "label" ties the label to one input; "group" labels a composite widget (editor, grid) by aria-labelledby. */
  kind?: 'label' | 'group';
  /** Show the error before the field is left (the script editor validates as the user types). */
  eager?: boolean;
  /** The error's test id, where tests knew the field before it used this layer; `error-<name>` otherwise. */
  errorTestId?: string;
  children: (control: ControlProps) => ReactNode;
}

/**
 * The error to show for a field: once the user has typed in it and left it, or after a save attempt.
 * A resolver validates a whole row of an array when one cell is left, so without this
 * the untouched cell next to it would turn red before the user reached it; and a new form's
 * first field (where the focus lands) would say "required" as soon as the user clicked elsewhere.
 */
export function useFieldError(name: string, eager = false): string | undefined {
  const { control, subscribe } = useFormContext();
  const typed = useTyped(name);
  // Values are followed without rendering: whether the field was typed in matters only when it is left (touched).
  useEffect(
    () => subscribe({ name, exact: true, formState: { values: true }, callback: () => typed.latch(control) }),
    [subscribe, name, control, typed],
  );
  return visibleError(useFormState({ control, name }), name, eager, typed.latched);
}

/**
 * Whether the field ever held something else than its starting value: typing a value and deleting it again
 * still counts. A latch, not the form's dirty state, which would render every field as the form turns dirty.
 */
function useTyped(name: string) {
  // Made once and changed in place: a latch that renders nothing when it turns.
  const [latch] = useState(() => {
    const state = { typed: false };
    return {
      latched: () => state.typed,
      latch: (control: FormControl) => {
        if (!state.typed && get(control._formValues, name) !== get(control._defaultValues, name)) state.typed = true;
      },
    };
  });
  return latch;
}

type FormControl = ReturnType<typeof useFormContext>['control'];

type ShownState = Partial<Pick<FormState<FieldValues>, 'errors' | 'touchedFields' | 'isSubmitted'>>;

function visibleError(
  { errors, touchedFields, isSubmitted }: ShownState,
  name: string,
  eager: boolean,
  typed: () => boolean,
): string | undefined {
  const error = get(errors, name) as { message?: string; type?: string } | undefined;
  if (!error?.message) return undefined;
  const visible = eager || isSubmitted || error.type === 'server' || (Boolean(get(touchedFields, name)) && typed());
  return visible ? error.message : undefined;
}

/**
 * useFieldError for one of many fields of an array (a custom data row's cell): it renders its component only
 * when the error it shows changes. useFormState renders on any change of the array's errors or touched
 * fields, so moving or removing one row rendered every row.
 */
export function useArrayFieldError(name: string): string | undefined {
  const { control, subscribe } = useFormContext();
  const typed = useTyped(name);
  const follow = useCallback(
    (changed: () => void) =>
      subscribe({
        name,
        formState: { errors: true, touchedFields: true, isSubmitted: true, values: true },
        callback: () => {
          typed.latch(control);
          changed();
        },
      }),
    [subscribe, name, control, typed],
  );
  // control._formState: the form's state as it is now (react-hook-form merges each change into it before telling).
  return useSyncExternalStore(follow, () => visibleError(control._formState, name, false, typed.latched));
}

/**
 * One form field: its label (with an aria-hidden asterisk when required), the control,
 * the help text and the error, tied together with ids so screen readers read all three.
 */
export function Field({ name, label, required = false, help, kind = 'label', eager = false, errorTestId, children }: FieldProps) {
  const id = fieldId(name, useContext(FieldScope));
  const error = useFieldError(name, eager);
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  // Every field hears every change of the form's state (a save sets errors, isSubmitting, isSubmitted):
  // the control, the costly part (comboboxes, grids), renders again only when what it is given changes.
  const control = useMemo(
    () =>
      children({
        id,
        'aria-describedby': describedBy,
        'aria-invalid': Boolean(error),
        'aria-required': required ? true : undefined,
      }),
    [children, id, describedBy, error, required],
  );
  // The asterisk sits next to the label, not inside it, so the label text is the field's name alone.
  const asterisk = required ? (
    <span className="field__asterisk" aria-hidden="true">
      *
    </span>
  ) : null;
  return (
    <div className={error ? 'field field--invalid' : 'field'} data-testid={`field-${name}`}>
      <div className="field__label-row" data-required={required ? 'true' : undefined}>
        {kind === 'label' ? (
          <label className="field__label" htmlFor={id} id={`${id}-label`}>
            {label}
          </label>
        ) : (
          <span className="field__label" id={`${id}-label`}>
            {label}
          </span>
        )}
        {asterisk}
      </div>
      {control}
      {error ? (
        <p className="field__error" id={errorId} role="alert" data-testid={errorTestId ?? `error-${name}`}>
          {error}
        </p>
      ) : null}
      {help ? (
        <p className="field__help" id={helpId}>
          {help}
        </p>
      ) : null}
    </div>
  );
}
