import { useEffect, useRef } from 'react';
import { PartError } from '../../../../components/lazy-part';
import { ErrorBoundary } from '../../../../components/error-boundary';
import { Controller, useFormContext } from 'react-hook-form';
import { Field } from '../../../../components/form/field';
import { commonFieldText } from '../fields/field-meta';
import { InsertExampleButton } from './insert-example-button';
import { useScriptEditorBridge } from './script-editor-bridge';
import { useScriptEditorModule } from './use-script-editor-module';

const SCRIPT_EDITOR_HEIGHT = 220;

/** The placeholder has the editor's size, so nothing jumps when Monaco arrives. */
function EditorPlaceholder() {
  return (
    <div className="script-editor script-editor__placeholder" style={{ height: SCRIPT_EDITOR_HEIGHT }} role="status">
      Loading editor…
    </div>
  );
}

export function TransformScriptField({ editorKey, readOnly = false }: { editorKey: number; readOnly?: boolean }) {
  const { control, trigger } = useFormContext();
  const { register } = useScriptEditorBridge();
  // Monaco is fetched once the form is here with its data (it is usable without it); the screen's
  // optional parts (usages, transfer preview, the header's checks) wait for it: the user came for it.
  const editor = useScriptEditorModule();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <Field
      name="transformScript"
      label={commonFieldText('transformScript').label}
      kind="group"
      eager
      help={commonFieldText('transformScript').help}
    >
      {({ id, 'aria-describedby': describedBy }) => (
        <div id={id} role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
          <InsertExampleButton />
          <Controller
            control={control}
            name="transformScript"
            render={({ field }) =>
              editor.error ? (
                <PartError what="the script editor" error={editor.error} onRetry={editor.retry} />
              ) : !editor.module ? (
                <EditorPlaceholder />
              ) : (
                // A render failure inside Monaco stays in the editor's place, as a failed load does.
                <ErrorBoundary
                  resetKey={editor.attempt}
                  fallback={(error) => <PartError what="the script editor" error={error} onRetry={editor.retry} />}
                >
                  <editor.module.default
                    key={editorKey}
                    defaultValue={String(field.value ?? '')}
                    ariaLabel="Transform Result Script"
                    height={SCRIPT_EDITOR_HEIGHT}
                    onChange={(value) => {
                      field.onChange(value);
                      // A syntax error shows under the field while typing, not only after Save.
                      clearTimeout(timer.current);
                      timer.current = setTimeout(() => void trigger('transformScript'), 300);
                    }}
                    onBlur={field.onBlur}
                    onReady={register}
                    readOnly={readOnly}
                  />
                </ErrorBoundary>
              )
            }
          />
        </div>
      )}
    </Field>
  );
}
