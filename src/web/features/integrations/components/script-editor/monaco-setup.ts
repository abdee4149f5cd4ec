// Side-effect module: Monaco from the npm package and our own bundled workers, never a CDN.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { BOT_CONTEXT_DECLARATION } from '../../../../../domain/bot-context-api';
import { defineMonacoThemes, MONACO_THEME } from '../../../../lib/monaco-themes';
import { getThemeState, subscribeTheme } from '../../../../lib/theme';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return new EditorWorker();
  },
};

// Syntax errors and unknown botContext calls are found by the same parser the API uses (acorn, see
// script-editor); the TypeScript worker would report its own, differently worded errors next to ours.
monaco.typescript.javascriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: true });
// ES2020 without the DOM: the bot runtime has no window, document or fetch, so completion offers none.
monaco.typescript.javascriptDefaults.setCompilerOptions({
  target: monaco.typescript.ScriptTarget.ES2020,
  lib: ['es2020'],
  allowNonTsExtensions: true,
});
// One source for the editor, the simulator and the docs: completion, signature help and hover come from its JSDoc.
monaco.typescript.javascriptDefaults.addExtraLib(BOT_CONTEXT_DECLARATION, 'ts:filename/bot-context.d.ts');

loader.config({ monaco });

// Monaco's theme is global: every editor follows the app's theme as it changes, without a remount.
defineMonacoThemes(monaco);
monaco.editor.setTheme(MONACO_THEME[getThemeState().theme]);
subscribeTheme(() => monaco.editor.setTheme(MONACO_THEME[getThemeState().theme]));

export { monaco };
