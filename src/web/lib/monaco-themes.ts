import type * as Monaco from 'monaco-editor';
import type { Theme } from './theme';

/*
 * Monaco's themes are global: the form's script editor and the History drawer's diff share one. Light is
 * Monaco's 'vs' with darker token colours and lighter diff tints (its defaults put comments and numbers
 * under 4.5:1 contrast, axe "serious"); dark is Monaco's own 'vs-dark' with lighter comments and diff
 * tints dark enough that its tokens stay readable on them.
 */
export const MONACO_THEME: Record<Theme, string> = { light: 'integrations-light', dark: 'integrations-dark' };

type MonacoApi = typeof Monaco;

export function defineMonacoThemes(monaco: MonacoApi): void {
  monaco.editor.defineTheme(MONACO_THEME.light, {
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
  monaco.editor.defineTheme(MONACO_THEME.dark, {
    base: 'vs-dark',
    inherit: true,
    // vs-dark's comments and regular expressions fall under 4.5:1 on its own background; these pass on the diff tints too.
    rules: [
      { token: 'comment', foreground: '8fc27c' },
      { token: 'regexp', foreground: 'e88c8c' },
    ],
    colors: {
      'diffEditor.insertedLineBackground': '#172a1b',
      'diffEditor.insertedTextBackground': '#1a2e1e',
      'diffEditor.removedLineBackground': '#2a1414',
      'diffEditor.removedTextBackground': '#3a1c1c',
    },
  });
}
