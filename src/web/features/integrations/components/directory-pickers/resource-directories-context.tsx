import { createContext, useContext, type ReactNode } from 'react';
import type { CredentialType } from '../../../../../domain/directories/credential-types';
import type { KnowledgeBase } from '../../../../../domain/directories/knowledge-base';
import type { LpFunction } from '../../../../../domain/directories/lp-function';

export interface DirectoryList<T> {
  /** undefined while loading, when it failed, or when no directory was given: nothing is checked then. */
  items: T[] | undefined;
  isError: boolean;
}

export interface CredentialOption {
  id: string;
  name: string;
  type: CredentialType;
}

export interface ResourceDirectories {
  credentials: DirectoryList<CredentialOption>;
  functions: DirectoryList<LpFunction>;
  knowledgeBases: DirectoryList<KnowledgeBase>;
}

const NONE = { items: undefined, isError: false };
const NO_DIRECTORIES: ResourceDirectories = {
  credentials: NONE,
  functions: NONE,
  knowledgeBases: NONE,
};

// Loaded by the app layer (features do not import each other), like the skill directory.
const ResourceDirectoriesContext = createContext<ResourceDirectories>(NO_DIRECTORIES);

export function ResourceDirectoriesProvider({ value, children }: { value: ResourceDirectories | undefined; children: ReactNode }) {
  return <ResourceDirectoriesContext.Provider value={value ?? NO_DIRECTORIES}>{children}</ResourceDirectoriesContext.Provider>;
}

export function useResourceDirectories(): ResourceDirectories {
  return useContext(ResourceDirectoriesContext);
}
