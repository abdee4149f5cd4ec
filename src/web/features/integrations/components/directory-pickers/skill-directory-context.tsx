import { createContext, useContext, type ReactNode } from 'react';
import type { DirectorySkill } from '../../../../../domain/transfer-preview';

export interface SkillDirectory {
  /** undefined while loading, when it failed, or when no directory was given: nothing is checked then. */
  skills: DirectorySkill[] | undefined;
  isError: boolean;
}

const NO_DIRECTORY: SkillDirectory = { skills: undefined, isError: false };

// The app layer loads the directory (features do not import each other) and hands it down through this.
const SkillDirectoryContext = createContext<SkillDirectory>(NO_DIRECTORY);

export function SkillDirectoryProvider({ value, children }: { value: SkillDirectory | undefined; children: ReactNode }) {
  return <SkillDirectoryContext.Provider value={value ?? NO_DIRECTORY}>{children}</SkillDirectoryContext.Provider>;
}

export function useSkillDirectory(): SkillDirectory {
  return useContext(SkillDirectoryContext);
}
