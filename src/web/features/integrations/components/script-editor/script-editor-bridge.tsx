import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

/** A place in the script, 1-based, as the simulator reports it. */
export interface ScriptProblem {
  message: string;
  line: number;
  column: number | null;
}

/** What the rest of the form may do to the (uncontrolled, lazily loaded) Monaco editor. */
export interface ScriptEditorHandle {
  /** Replaces the whole text as one undoable edit, so the form sees it exactly like typing. */
  replaceText(text: string): void;
  /** Marks a run-time error at its line until the next edit; null clears it. */
  showRunError(problem: ScriptProblem | null): void;
  /** Moves the cursor to a line and focuses the editor. */
  revealLine(line: number, column?: number | null): void;
}

interface ScriptEditorBridge {
  /** null until Monaco has loaded (and between two editors when the form loads another record). */
  editor: ScriptEditorHandle | null;
  /** Called by the editor when it mounts; the returned function unregisters it. */
  register(handle: ScriptEditorHandle): () => void;
}

const ScriptEditorBridgeContext = createContext<ScriptEditorBridge | null>(null);

export function ScriptEditorBridgeProvider({ children }: { children: ReactNode }) {
  const [editor, setEditor] = useState<ScriptEditorHandle | null>(null);
  const current = useRef<ScriptEditorHandle | null>(null);
  const register = useCallback((handle: ScriptEditorHandle) => {
    current.current = handle;
    setEditor(handle);
    return () => {
      // A newer editor may already have registered (remount with a new key): leave it in place.
      if (current.current !== handle) return;
      current.current = null;
      setEditor(null);
    };
  }, []);
  const value = useMemo(() => ({ editor, register }), [editor, register]);
  return <ScriptEditorBridgeContext.Provider value={value}>{children}</ScriptEditorBridgeContext.Provider>;
}

const DETACHED: ScriptEditorBridge = { editor: null, register: () => () => undefined };

/** Outside a provider (a field rendered on its own) the editor simply has no bridge. */
export function useScriptEditorBridge(): ScriptEditorBridge {
  return useContext(ScriptEditorBridgeContext) ?? DETACHED;
}
