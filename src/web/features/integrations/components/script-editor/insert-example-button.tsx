import { useFormContext, useWatch } from 'react-hook-form';
import { useScriptEditorBridge } from './script-editor-bridge';

const HINT_ID = 'insert-example-hint';

/** The reason the example cannot be inserted now, or null when it can. */
function blockedReason(script: string, variable: string, editorReady: boolean): string | null {
  if (!editorReady) return 'Available once the editor has loaded.';
  if (script.trim() !== '') return 'Available when the editor is empty: it never overwrites a script.';
  if (!variable) return 'Enter the Integration Name first: the example reads api_<Response Data Variable Name>.';
  return null;
}

/** Puts a commented example for the integration's own api_<ResponseDataVariable> into an empty editor. */
export function InsertExampleButton() {
  const { control } = useFormContext();
  const { editor } = useScriptEditorBridge();
  const [script, responseDataVariable, name] = useWatch({ control, name: ['transformScript', 'responseDataVariable', 'name'] }) as [
    string | undefined,
    string | undefined,
    string | undefined,
  ];
  const variable = (responseDataVariable || name || '').trim();
  const reason = blockedReason(script ?? '', variable, editor !== null);
  return (
    <div className="script-toolbar">
      <button
        type="button"
        className="button button--small"
        // aria-disabled rather than disabled: the button stays focusable, so its reason can be read.
        aria-disabled={reason !== null}
        aria-describedby={HINT_ID}
        title={reason ?? `Insert an example script that reads api_${variable}`}
        data-testid="insert-example"
        onClick={() => {
          if (reason === null && editor) {
            // Ready editor, loaded module: the editor's setup brought the botContext API with it.
            void import('../../../../../domain/bot-context-api').then(({ exampleTransformScript }) =>
              editor.replaceText(exampleTransformScript(variable)),
            );
          }
        }}
      >
        Insert example
      </button>
      <span className="script-toolbar__hint" id={HINT_ID}>
        {reason ?? `A commented example that reads api_${variable}.`}
      </span>
    </div>
  );
}
