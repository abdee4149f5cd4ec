import { DiffEditor, type DiffOnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { defineMonacoThemes, MONACO_THEME } from '../../../lib/monaco-themes';
import { useTheme } from '../../../lib/theme';

export interface ScriptDiffEditorProps {
  original: string;
  modified: string;
  originalLabel: string;
  modifiedLabel: string;
  height: number;
}

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
  const theme = MONACO_THEME[useTheme()];
  const nameSides: DiffOnMount = (editor) => {
    mounted.current = editor;
    editor.getOriginalEditor().updateOptions({ ariaLabel: originalLabel });
    editor.getModifiedEditor().updateOptions({ ariaLabel: modifiedLabel });
  };
  return (
    <DiffEditor
      height={height}
      language="javascript"
      theme={theme}
      original={original}
      modified={modified}
      // Themes shared with the form's editor (lib/monaco-themes): defined again here, harmlessly, in case this loads first.
      beforeMount={defineMonacoThemes}
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
