import { createContext, useContext, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';

export const TEST_PANEL_ID = 'test-panel';

interface TestPanelState {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The header's Test button: focus goes back to it when the panel closes. */
  toggleRef: RefObject<HTMLButtonElement | null>;
}

const TestPanelContext = createContext<TestPanelState | null>(null);

/** Whether the Test panel is open, shared by its toggle (in the form header) and the panel beside the form. */
export function TestPanelProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement | null>(null);
  const value = useMemo(() => ({ open, setOpen, toggleRef }), [open]);
  return <TestPanelContext.Provider value={value}>{children}</TestPanelContext.Provider>;
}

export function useTestPanel(): TestPanelState {
  const state = useContext(TestPanelContext);
  if (!state) throw new Error('useTestPanel needs a TestPanelProvider around the form.');
  return state;
}
