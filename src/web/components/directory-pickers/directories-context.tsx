import { createContext, useContext, type ReactNode } from 'react';
import { DIRECTORIES, type DirectoryKind } from '../../../domain/directories';
import type { DirectoryEntry } from '../../../domain/directories/directory-usage';

export interface DirectoryList {
  /** undefined while loading, when it failed, or when no directory was given: nothing is checked then. */
  items: readonly DirectoryEntry[] | undefined;
  isError: boolean;
}

/** Every directory the form picks from and checks ids against, by kind. */
export type FormDirectories = Readonly<Record<DirectoryKind, DirectoryList>>;

const NONE: DirectoryList = { items: undefined, isError: false };
const NO_DIRECTORIES = Object.fromEntries(DIRECTORIES.map((directory) => [directory.kind, NONE])) as FormDirectories;

// The app layer loads the directories (features do not import each other) and hands them down through this.
const DirectoriesContext = createContext<FormDirectories>(NO_DIRECTORIES);

export function DirectoriesProvider({ value, children }: { value: FormDirectories | undefined; children: ReactNode }) {
  return <DirectoriesContext.Provider value={value ?? NO_DIRECTORIES}>{children}</DirectoriesContext.Provider>;
}

export function useDirectoryList(kind: DirectoryKind): DirectoryList {
  return useContext(DirectoriesContext)[kind];
}
