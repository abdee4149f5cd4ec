import { useCallback, useEffect, useRef, useState } from 'react';
import { holdScreenSettled } from '../../../../lib/screen-settled';
import { loadScriptEditor, loadedScriptEditor } from './load-script-editor';

/**
 * The form's editor code. Its load starts in the frame after the form's first commit with its record,
 * so after the form is usable and never before (no Monaco ahead of a usable form), yet without waiting
 * for that frame to be drawn. The editor is drawn the moment the code is here, from state rather than through
 * React.lazy, whose reveal after a shown fallback React may hold back by up to 300 ms. Until its code is
 * here, the screen's optional parts wait (holdScreenSettled): Monaco (about 1 MB to fetch, compile and
 * run) then has the connections and the main thread to itself instead of sharing them with menus and
 * side sections.
 */
export function useScriptEditorModule() {
  const [module, setModule] = useState(loadedScriptEditor);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const hold = useRef<(() => void) | null>(null);
  const release = useCallback(() => {
    hold.current?.();
    hold.current = null;
  }, []);
  useEffect(() => release, [release]);
  useEffect(() => {
    if (module || error) return undefined;
    hold.current ??= holdScreenSettled();
    let live = true;
    // At the start of the next frame, not in this effect: the commit that mounted the form may render it
    // again at once (react-hook-form's isReady) before its fields take input, and this effect runs between
    // the two. Not after that frame either: the request then travels while the form is laid out and painted.
    const start = requestAnimationFrame(() =>
      loadScriptEditor().then(
        (arrived) => {
          // The editor is drawn in the render this starts, ahead of the idle moment the held parts wait for.
          release();
          if (live) setModule(() => arrived);
        },
        (failure: unknown) => {
          // The form is usable without its editor: the rest of the screen comes now, the error shows in its place.
          release();
          if (live) setError(() => failure);
        },
      ),
    );
    return () => {
      live = false;
      cancelAnimationFrame(start);
    };
  }, [module, error, release]);
  const retry = () => {
    setError(null);
    setAttempt((count) => count + 1);
  };
  return { module, error, attempt, retry };
}
