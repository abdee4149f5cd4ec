import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { findScriptSyntaxError } from '../../../../domain/transform-script';
import { monaco } from './monaco-setup';

export interface ScriptEditorProps {
  defaultValue: string;
  ariaLabel: string;
  height: number;
  onChange: (value: string) => void;
  onBlur: () => void;
}

const MARKER_OWNER = 'transform-script-syntax';

function showSyntaxMarker(model: monaco.editor.ITextModel): void {
  const error = findScriptSyntaxError(model.getValue());
  monaco.editor.setModelMarkers(
    model,
    MARKER_OWNER,
    error
      ? [
          {
            severity: monaco.MarkerSeverity.Error,
            message: error.message,
            startLineNumber: error.line,
            startColumn: error.column,
            endLineNumber: error.line,
            endColumn: error.column + 1,
          },
        ]
      : [],
  );
}

/**
 * Uncontrolled on purpose: binding `value` to the form makes fast typing lose characters.
 * The form remounts this component (new key) when it loads another record.
 */
export default function ScriptEditor({ defaultValue, ariaLabel, height, onChange, onBlur }: ScriptEditorProps) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const callbacks = useRef({ onChange, onBlur });
  useEffect(() => {
    callbacks.current = { onChange, onBlur };
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  const handleMount: OnMount = (editor) => {
    const model = editor.getModel();
    if (model) showSyntaxMarker(model);
    editor.onDidChangeModelContent(() => {
      callbacks.current.onChange(editor.getValue());
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const current = editor.getModel();
        if (current) showSyntaxMarker(current);
      }, 250);
    });
    editor.onDidBlurEditorText(() => callbacks.current.onBlur());
  };

  return (
    <div className="script-editor" style={{ height }} data-testid="script-editor">
      <Editor
        height={height}
        defaultLanguage="javascript"
        defaultValue={defaultValue}
        onMount={handleMount}
        loading={<div className="script-editor__placeholder">Loading editor…</div>}
        options={{
          ariaLabel,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 13,
          tabSize: 2,
          wordWrap: 'on',
          fixedOverflowWidgets: true,
          // Enter inserts a new line; Tab accepts a suggestion. Enter accepting would swallow line breaks.
          acceptSuggestionOnEnter: 'off',
          renderLineHighlight: 'line',
          lineNumbersMinChars: 3,
        }}
      />
    </div>
  );
}
