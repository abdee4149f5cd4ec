import { buildApp } from './app';
import { readConfig } from './config';
import { DataDirProblem } from './db/data-dir-problem';
import { isDamage, openDatabase, type DatabaseHandle } from './db/database';
import { dataDirFailure } from './db/pglite-client';
import { seedDemoData } from './demo/demo-data';
import { createBotsRepository } from './bots/bots-repository';
import { createListCursors } from './db/cursor';
import { createIntegrationsRepository } from './integrations/integrations-repository';
import { createSkillsRepository } from './skills/skills-repository';
import { createCredentialsRepository } from './credentials/credentials-repository';
import { createSecretBox, loadSecretsKey, SecretsKeyProblem, type SecretBox } from './credentials/secret-box';
import { seedDemoDirectories } from './demo/demo-directories';
import { createFunctionsRepository } from './functions/functions-repository';
import { createKnowledgeBasesRepository } from './knowledge-bases/knowledge-bases-repository';

const config = readConfig();
const dataDir = config.database.kind === 'pglite' ? config.database.dataDir : null;

/** A data dir the server cannot use ends the process with one line that says what to do, not a stack trace. */
function exitOnDataDirProblem(error: unknown): never {
  const problem = error instanceof DataDirProblem ? error : dataDir && isDamage(error) ? dataDirFailure(dataDir, error) : null;
  if (!problem) throw error;
  console.error(problem.message);
  process.exit(1);
}

/** Without a usable secrets key the server must not start: secrets saved meanwhile could never be read. */
function exitOnSecretsKeyProblem(error: unknown): never {
  if (!(error instanceof SecretsKeyProblem)) throw error;
  console.error(error.message);
  process.exit(1);
}

// PostgreSQL without SECRETS_KEY is refused before the database is touched; the embedded one may create its key file.
let secretsKey: Buffer | null = null;
if (config.database.kind === 'postgres') {
  try {
    secretsKey = loadSecretsKey(config.secretsKey, config.database);
  } catch (error) {
    exitOnSecretsKeyProblem(error);
  }
}

let database: DatabaseHandle;
let secretBox: SecretBox;
try {
  database = await openDatabase(config.database);
  try {
    secretBox = createSecretBox(secretsKey ?? loadSecretsKey(config.secretsKey, config.database));
  } catch (error) {
    await database.close();
    exitOnSecretsKeyProblem(error);
  }
  const credentials = createCredentialsRepository(database.db, secretBox);
  if (!(await credentials.checkKey())) {
    await database.close();
    exitOnSecretsKeyProblem(
      new SecretsKeyProblem(
        'The stored credential secrets do not open with this secrets key: start with the SECRETS_KEY (or DATA_DIR/secrets.key) they were saved with.',
      ),
    );
  }
  // A brand-new database gets the demo bot, so the first start shows a working panel.
  const cursors = createListCursors(secretBox);
  const bots = createBotsRepository(database.db, cursors);
  if ((await bots.list({ limit: 1 })).items.length === 0 && process.env.SEED_DEMO !== '0') {
    await seedDemoData(bots, createIntegrationsRepository(database.db, cursors));
    await createSkillsRepository(database.db).seedDemo();
    await seedDemoDirectories({
      credentials,
      functions: createFunctionsRepository(database.db),
      knowledgeBases: createKnowledgeBasesRepository(database.db),
    });
  }
} catch (error) {
  exitOnDataDirProblem(error);
}

const app = await buildApp(database, { ...config, secretBox });
await app.listen({ host: config.host, port: config.port });
const where = dataDir ? `embedded database in ${dataDir}` : 'PostgreSQL';
console.log(`Integrations Panel on http://${config.host}:${config.port} (${where}); API docs at /api/docs`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    // Close the server first so in-flight requests finish, then the database flushes, closes and unlocks DATA_DIR.
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}
