import { applyMigrations, type DatabaseHandle } from './db/database';
import { createCredentialsRepository, type KeyCheck } from './credentials/credentials-repository';
import { SecretsKeyProblem, type SecretBox } from './credentials/secret-box';
import { initialiseOnce } from './demo/first-start';

const KEY_PROBLEMS: Record<Exclude<KeyCheck, 'same-key'>, string> = {
  'secrets-do-not-open':
    'The stored credential secrets do not open with this secrets key: start with the SECRETS_KEY (or DATA_DIR/secrets.key) they were saved with.',
  'another-key':
    'This database was first used with another secrets key: start every server on it with that same SECRETS_KEY (or DATA_DIR/secrets.key), or secrets saved by one server cannot be read by another.',
};

/**
 * Everything a server does to its database before it serves, one server at a time (the start-up lock):
 * the migrations, the secrets key check (SecretsKeyProblem when it fails) and the first start's demo data.
 * Servers started together on a new database therefore neither race on the schema nor seed twice.
 */
export async function prepareDatabase(database: DatabaseHandle, options: { secretBox: SecretBox; seedDemo: boolean }): Promise<void> {
  await database.withStartupLock(async (db) => {
    await applyMigrations(database.kind, db);
    const credentials = createCredentialsRepository(database.db, options.secretBox);
    const key = await credentials.checkKey();
    if (key !== 'same-key') throw new SecretsKeyProblem(KEY_PROBLEMS[key]);
    await initialiseOnce(database.db, { seedDemo: options.seedDemo, credentials });
  });
}
