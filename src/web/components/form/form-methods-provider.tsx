import { useState, type ReactNode } from 'react';
import { FormProvider, type FieldValues, type FormState, type UseFormReturn } from 'react-hook-form';

/**
 * react-hook-form's FormProvider, with a context value that does not change with the form's state.
 *
 * FormProvider puts `formState` in its context value, so every change of the form's state (isReady
 * right after the first render, isDirty at the first keystroke, the reset after a save) renders every
 * `useFormContext()` consumer again: every field, through any memo in between. Our fields take only
 * the form's methods and `control` from the context and subscribe to the state they show (useFormState,
 * useWatch, Controller), so this context gives them a `formState` that reads the latest state when
 * read, without subscribing: as getValues() does for the values. A component that must render when
 * the state changes subscribes with useFormState.
 *
 * Measured on a form opened by a link: useForm sets isReady in a layout effect, which rendered the
 * whole form a second time in the same task before it could take input.
 */
export function FormMethodsProvider<Values extends FieldValues, Context, Transformed>({
  form,
  children,
}: {
  form: UseFormReturn<Values, Context, Transformed>;
  children: ReactNode;
}) {
  // useForm returns the same object at every render and sets its formState to the latest state on it.
  const [formState] = useState(
    () =>
      new Proxy({} as FormState<Values>, {
        get: (_target, key) => Reflect.get(form.formState, key),
        has: (_target, key) => Reflect.has(form.formState, key),
        ownKeys: () => Reflect.ownKeys(form.formState),
        getOwnPropertyDescriptor: (_target, key) => {
          const descriptor = Reflect.getOwnPropertyDescriptor(form.formState, key);
          return descriptor ? { ...descriptor, configurable: true } : undefined;
        },
      }),
  );
  return (
    <FormProvider {...form} formState={formState}>
      {children}
    </FormProvider>
  );
}
