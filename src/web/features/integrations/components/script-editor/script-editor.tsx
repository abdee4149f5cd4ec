import { useEffect, useMemo, useRef } from 'react';
import { whenIdle } from '../../../../lib/when-idle';
import { findScriptSyntaxError } from '../../../../../domain/transform-script';
import { describeUnknownBotContextCall, findUnknownBotContextCalls } from '../../../../../domain/unknown-bot-context-calls';
import { leaveWithEscapeThenTab } from './editor-tab-escape';
import { monaco } from './monaco-setup';
import type { ScriptEditorHandle, ScriptProblem } from './script-editor-bridge';

export interface ScriptEditorProps {
  defaultValue: string;
  ariaLabel: string;
  height: number;
  onChange: (value: string) => void;
  onBlur: () => void;
  /** Gives the rest of the form a handle on the editor; returns the function that withdraws it. */
  onReady?: (handle: ScriptEditorHandle) => () => void;
  /** For a role that may read but not change the integration. */
  readOnly?: boolean;
}

const SYNTAX_OWNER = 'transform-script-syntax';
const BOT_CONTEXT_OWNER = 'transform-script-bot-context';
const RUN_OWNER = 'transform-script-run';

/** What acorn finds as the user types: a syntax error, or calls of botContext functions that do not exist. */
function showScriptMarkers(model: monaco.editor.ITextModel): void {
  const source = model.getValue();
  const error = findScriptSyntaxError(source);
  monaco.editor.setModelMarkers(
    model,
    SYNTAX_OWNER,
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
  monaco.editor.setModelMarkers(
    model,
    BOT_CONTEXT_OWNER,
    findUnknownBotContextCalls(source).map((call) => ({
      severity: monaco.MarkerSeverity.Warning,
      message: describeUnknownBotContextCall(call),
      startLineNumber: call.line,
      startColumn: call.column,
      endLineNumber: call.endLine,
      endColumn: call.endColumn,
    })),
  );
}

function showRunError(model: monaco.editor.ITextModel, problem: ScriptProblem | null): void {
  if (!problem || problem.line > model.getLineCount()) {
    monaco.editor.setModelMarkers(model, RUN_OWNER, []);
    return;
  }
  const { line } = problem;
  // Without a column the whole line is marked.
  const startColumn = problem.column ?? (model.getLineFirstNonWhitespaceColumn(line) || 1);
  const endColumn = problem.column ? Math.max(model.getLineMaxColumn(line), startColumn + 1) : model.getLineMaxColumn(line);
  monaco.editor.setModelMarkers(model, RUN_OWNER, [
    {
      severity: monaco.MarkerSeverity.Error,
      message: `Test run: ${problem.message}`,
      startLineNumber: line,
      startColumn: Math.max(1, startColumn),
      endLineNumber: line,
      endColumn,
    },
  ]);
}

/**
 * Uncontrolled on purpose: binding `value` to the form makes fast typing lose characters.
 * The form remounts this component (new key) when it loads another record.
 */
export default function ScriptEditor({ defaultValue, ariaLabel, height, onChange, onBlur, onReady, readOnly = false }: ScriptEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const callbacks = useRef({ onChange, onBlur, onReady });
  useEffect(() => {
    callbacks.current = { onChange, onBlur, onReady };
  });

  // The same object from render to render: the editor's options are set again whenever it changes, which
  // re-lays out the editor (on every render of the form around it, were it new each time).
  const options = useMemo(
    () => ({
      ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      wordWrap: 'on' as const,
      fixedOverflowWidgets: true,
      // Enter (or Tab) accepts a suggestion, as in every code editor; 'smart': only one that changes the text,
      // so Enter after a word already typed in full still breaks the line.
      acceptSuggestionOnEnter: 'smart' as const,
      renderLineHighlight: 'line' as const,
      lineNumbersMinChars: 3,
      readOnly,
    }),
    [ariaLabel, readOnly],
  );

  const firstSettings = useRef({ defaultValue, options });
  useEffect(() => {
    // The editor draws into a box of its own, which leaves the page with the form at once; the editor and
    // its model are disposed once the browser is idle. Disposing them inside the unmount held up the commit
    // that took the form away (a click on another list row) by as long as Monaco took to tear down.
    const box = document.createElement('div');
    box.style.height = '100%';
    host.current?.append(box);
    const model = monaco.editor.createModel(firstSettings.current.defaultValue, 'javascript');
    const editor = monaco.editor.create(box, { model, ...firstSettings.current.options });
    editorRef.current = editor;
    let gone = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    showScriptMarkers(model);
    editor.onDidChangeModelContent(() => {
      if (gone) return;
      callbacks.current.onChange(editor.getValue());
      // A run-time error belongs to the text that ran: the first edit takes it away.
      showRunError(model, null);
      clearTimeout(timer);
      timer = setTimeout(() => showScriptMarkers(model), 250);
    });
    editor.onDidBlurEditorText(() => {
      if (!gone) callbacks.current.onBlur();
    });
    leaveWithEscapeThenTab(editor, monaco.KeyCode);

    const handle: ScriptEditorHandle = {
      replaceText(text) {
        editor.pushUndoStop();
        editor.executeEdits('insert-example', [{ range: model.getFullModelRange(), text, forceMoveMarkers: true }]);
        editor.pushUndoStop();
      },
      showRunError(problem) {
        showRunError(model, problem);
      },
      revealLine(line, column) {
        const position = { lineNumber: line, column: column ?? 1 };
        editor.setPosition(position);
        editor.revealLineInCenterIfOutsideViewport(line);
        editor.focus();
      },
    };
    const withdraw = callbacks.current.onReady?.(handle);
    return () => {
      gone = true;
      clearTimeout(timer);
      withdraw?.();
      editorRef.current = null;
      box.remove();
      whenIdle(() => {
        editor.dispose();
        model.dispose();
      });
    };
  }, []);
  // A change of the label or of the role (read-only) after the editor is made.
  useEffect(() => {
    editorRef.current?.updateOptions(options);
  }, [options]);

  return (
    <>
      <div className="script-editor" style={{ height }} data-testid="script-editor">
        <div ref={host} style={{ height }} />
      </div>
      <p className="script-editor-hint" data-testid="script-editor-hint">
        In the editor, <kbd>Enter</kbd> or <kbd>Tab</kbd> accepts a suggestion and Tab indents. To move on, press <kbd>Esc</kbd> then{' '}
        <kbd>Tab</kbd> (<kbd>Shift</kbd>+<kbd>Tab</kbd> to go back).
      </p>
    </>
  );
}
