import { DiffEditor } from '@monaco-editor/react';

export interface ScriptDiffEditorProps {
  original: string;
  modified: string;
  originalLabel: string;
  modifiedLabel: string;
  height: number;
}

/** Monaco's side-by-side diff, read-only on both sides. Monaco itself is configured before this loads. */
export default function ScriptDiffEditor({ original, modified, originalLabel, modifiedLabel, height }: ScriptDiffEditorProps) {
  return (
    <DiffEditor
      height={height}
      language="javascript"
      original={original}
      modified={modified}
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
