import { credentialsDirectory } from './credentials';
import { functionsDirectory } from './functions';
import { knowledgeBasesDirectory } from './knowledge-bases';
import { skillsDirectory } from './skills';

/** Every directory, in the top bar's order: the routes, the pages and the tests walk this list. */
export const DIRECTORIES = [skillsDirectory, credentialsDirectory, functionsDirectory, knowledgeBasesDirectory] as const;

export type DirectoryKind = (typeof DIRECTORIES)[number]['kind'];
export type AnyDirectory = (typeof DIRECTORIES)[number];

export const DIRECTORY = Object.fromEntries(DIRECTORIES.map((directory) => [directory.kind, directory])) as {
  [D in AnyDirectory as D['kind']]: D;
};
