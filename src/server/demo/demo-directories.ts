import type { Database } from '../db/database';
import { createPlainDirectoryRepositories } from '../directories/directory-repositories';
import type { CredentialsRepository } from '../credentials/credentials-repository';

/** Every directory's demo entries (each descriptor's `demo`), which the demo integrations refer to. */
export async function seedDemoDirectories(db: Database, credentials: CredentialsRepository): Promise<void> {
  for (const directory of Object.values({ ...createPlainDirectoryRepositories(db), credentials })) await directory.seedDemo();
}
