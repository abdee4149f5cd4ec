import type { CredentialsRepository } from '../credentials/credentials-repository';
import type { FunctionsRepository } from '../functions/functions-repository';
import type { KnowledgeBasesRepository } from '../knowledge-bases/knowledge-bases-repository';

export interface DemoDirectories {
  credentials: CredentialsRepository;
  functions: FunctionsRepository;
  knowledgeBases: KnowledgeBasesRepository;
}

/** The credential, functions and knowledge bases the demo integrations refer to. */
export async function seedDemoDirectories(directories: DemoDirectories): Promise<void> {
  await directories.credentials.seedDemo();
  await directories.functions.seedDemo();
  await directories.knowledgeBases.seedDemo();
}
