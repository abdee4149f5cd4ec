import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export interface SampleVariable {
  key: string;
  value: string;
}

interface SampleVariables {
  /** What botContext.getBotVariable / {$botContext.x} read in a test run. */
  botVariables: SampleVariable[];
  /** What botContext.getEnvVariable / {$env.x} read in a test run. */
  envVariables: SampleVariable[];
}

interface SampleVariablesState extends SampleVariables {
  setBotVariables: (rows: SampleVariable[]) => void;
  setEnvVariables: (rows: SampleVariable[]) => void;
}

const SampleVariablesContext = createContext<SampleVariablesState | null>(null);

/**
 * The sample variables typed into the Test panel, shared with the rest of the form (the transfer
 * preview resolves the Agent Escalation fields with them). Rows are kept as typed, blank keys included.
 */
export function SampleVariablesProvider({ children }: { children: ReactNode }) {
  const [botVariables, setBotVariables] = useState<SampleVariable[]>([]);
  const [envVariables, setEnvVariables] = useState<SampleVariable[]>([]);
  const value = useMemo(() => ({ botVariables, envVariables, setBotVariables, setEnvVariables }), [botVariables, envVariables]);
  return <SampleVariablesContext.Provider value={value}>{children}</SampleVariablesContext.Provider>;
}

const NONE: SampleVariablesState = {
  botVariables: [],
  envVariables: [],
  setBotVariables: () => undefined,
  setEnvVariables: () => undefined,
};

/** The sample variables; outside a provider there are none. */
export function useSampleVariables(): SampleVariables {
  const { botVariables, envVariables } = useContext(SampleVariablesContext) ?? NONE;
  return { botVariables, envVariables };
}

/** For the Test panel, which edits them. */
export function useSampleVariablesEditor(): SampleVariablesState {
  return useContext(SampleVariablesContext) ?? NONE;
}
