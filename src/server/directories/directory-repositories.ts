import { knowledgeBasesDirectory } from '../../domain/directories/knowledge-bases';
import { functionsDirectory } from '../../domain/directories/functions';
import { skillsDirectory } from '../../domain/directories/skills';
import type { Database } from '../db/database';
import { knowledgeBases, lpFunctions, skills } from '../db/schema';
import { createDirectoryRepository, plainStorage, type DirectoryStorage } from './directory-repository';

// Ids are longs, stored as bigint so that all 19 digits survive, and answered as text.
const skillStorage: DirectoryStorage<typeof skills> = {
  table: skills,
  key: (id) => BigInt(id),
  fromRow: (row) => ({ id: String(row.id), name: row.name, version: row.version }),
  toRow: (id, input) => ({ id: BigInt(id), name: String(input.name) }),
  changes: (_row, patch) => (typeof patch.name === 'string' ? { name: patch.name } : {}),
};

/** The directories whose entries are plain rows (credentials add their secrets: see credentials/). */
export function createPlainDirectoryRepositories(db: Database) {
  return {
    skills: createDirectoryRepository(db, skillsDirectory, skillStorage),
    functions: createDirectoryRepository(db, functionsDirectory, plainStorage(functionsDirectory, lpFunctions)),
    'knowledge-bases': createDirectoryRepository(db, knowledgeBasesDirectory, plainStorage(knowledgeBasesDirectory, knowledgeBases)),
  };
}
