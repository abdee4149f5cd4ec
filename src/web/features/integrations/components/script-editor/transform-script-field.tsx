import { useEffect, useRef } from 'react';
import { retryableLazy } from '../../../../components/lazy-part';
import { Controller, useFormContext } from 'react-hook-form';
import { Field } from '../../../../components/form/field';
import { commonFieldText } from '../fields/field-meta';
import { InsertExampleButton } from './insert-example-button';
import { useScriptEditorBridge } from './script-editor-bridge';
import { loadScriptEditor, scriptEditorLoaded } from './load-script-editor';
import { useDrawn } from '../../../../components/use-drawn';

export const SCRIPT_EDITOR_HEIGHT = 220;

const ScriptEditor = retryableLazy(loadScriptEditor, 'the script editor');

/** The placeholder has the editor's size, so nothing jumps when Monaco arrives. */
function EditorPlaceholder() {
  return (
    <div className="script-editor script-editor__placeholder" style={{ height: SCRIPT_EDITOR_HEIGHT }} role="status">
      Loading editor…
    </div>
  );
}

export function TransformScriptField({ editorKey }: { editorKey: number }) {
  const { control, trigger } = useFormContext();
  const { register } = useScriptEditorBridge();
  // Monaco is fetched once the form has been drawn with its data (it is usable without it), not in the same
  // render; it does not wait for the rest of the screen (directories, usages) to settle, which it outweighs.
  const editorWanted = useDrawn(scriptEditorLoaded());
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
              !editorWanted ? (
                <EditorPlaceholder />
              ) : (
                <ScriptEditor
                  fallback={<EditorPlaceholder />}
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
                />
              )
            }
          />
        </div>
      )}
    </Field>
  );
}
