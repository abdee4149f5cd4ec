/**
 * Monaco's way in, apart from the form's field so that the panel can prefetch it without carrying the
 * form's code. About 1 MB: it is only ever fetched once the screen has shown its data.
 */
type ScriptEditorModule = typeof import('./script-editor');
let loaded: ScriptEditorModule | null = null;

export const loadScriptEditor = () =>
  import('./script-editor').then((module) => {
    loaded = module;
    return module;
  });

/** Monaco's code once it is here: the editor then shows at once, with no wait for the screen. */
export const loadedScriptEditor = (): ScriptEditorModule | null => loaded;

export function prefetchScriptEditor(): void {
  // A failure here is met again, and shown, when the editor itself loads.
  loadScriptEditor().catch(() => undefined);
}
