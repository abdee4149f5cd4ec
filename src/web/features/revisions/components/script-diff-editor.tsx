import { DiffEditor, type DiffBeforeMount, type DiffOnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';

export interface ScriptDiffEditorProps {
  original: string;
  modified: string;
  originalLabel: string;
  modifiedLabel: string;
  height: number;
}

const THEME = 'integrations-diff';

/**
 * Monaco's default diff tints put comments and numbers under 4.5:1 contrast (axe "serious"):
 * lighter tints and darker token colours keep every line readable. Monaco themes are global, so the
 * form's editor behind the drawer takes the same (equally readable) colours.
 */
const defineTheme: DiffBeforeMount = (monaco) => {
  monaco.editor.defineTheme(THEME, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'comment', foreground: '1e5e1e' },
      { token: 'number', foreground: '05603a' },
      { token: 'regexp', foreground: '6b2f00' },
      { token: 'type', foreground: '1a4f6b' },
    ],
    colors: {
      'diffEditor.insertedLineBackground': '#eef8ee',
      'diffEditor.insertedTextBackground': '#d4efd4',
      'diffEditor.removedLineBackground': '#fcefef',
      'diffEditor.removedTextBackground': '#f6d5d5',
    },
  });
};

/** Monaco's side-by-side diff, read-only on both sides. Monaco itself is configured before this loads. */
export default function ScriptDiffEditor({ original, modified, originalLabel, modifiedLabel, height }: ScriptDiffEditorProps) {
  const mounted = useRef<Parameters<DiffOnMount>[0] | null>(null);
  // The wrapper disposes the text models before the editor, which Monaco reports as an uncaught
  // "TextModel got disposed before DiffEditorWidget model got reset" on every close: it keeps them
  // (keepCurrent…Model) and they go here, after the editor lets go of them.
  useEffect(
    () => () => {
      const editor = mounted.current;
      const models = editor?.getModel();
      editor?.setModel(null);
      models?.original.dispose();
      models?.modified.dispose();
    },
    [],
  );
  // The diff editor's construction options do not reach the inner editors' text areas: name each one.
  const nameSides: DiffOnMount = (editor) => {
    mounted.current = editor;
    editor.getOriginalEditor().updateOptions({ ariaLabel: originalLabel });
    editor.getModifiedEditor().updateOptions({ ariaLabel: modifiedLabel });
  };
  return (
    <DiffEditor
      height={height}
      language="javascript"
      theme={THEME}
      original={original}
      modified={modified}
      beforeMount={defineTheme}
      onMount={nameSides}
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      loading={<div className="script-editor__placeholder">Loading the diff…</div>}
      options={{
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        // Narrow drawers would otherwise fold the two sides into one column.
        useInlineViewWhenSpaceIsLimited: false,
        automaticLayout: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize: 13,
        wordWrap: 'on',
        lineNumbersMinChars: 3,
        originalAriaLabel: originalLabel,
        modifiedAriaLabel: modifiedLabel,
      }}
    />
  );
}
