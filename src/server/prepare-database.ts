import { createListCursors } from './db/cursor';
import { applyMigrations, type DatabaseHandle } from './db/database';
import { createCredentialsRepository, type KeyCheck } from './credentials/credentials-repository';
import { saveSecretsKeyFile, SecretsKeyProblem, type SecretBox, type SecretsKeyChoice } from './credentials/secret-box';
import { initialiseOnce } from './demo/first-start';
import { keepDialogItemsApart } from './cb-export/dialog-items-store';

const KEY_PROBLEMS: Record<Exclude<KeyCheck, 'same-key'>, string> = {
  'secrets-do-not-open':
    'The stored credential secrets do not open with this secrets key: start with the SECRETS_KEY (or DATA_DIR/secrets.key) they were saved with.',
  'another-key':
    'This database was first used with another secrets key: start every server on it with that same SECRETS_KEY (or DATA_DIR/secrets.key), or secrets saved by one server cannot be read by another.',
};

/**
 * Everything a server does to its database before it serves, one server at a time (the start-up lock):
 * the migrations, the secrets key check (SecretsKeyProblem when it fails), the first start's demo data, and
 * the rewrite of bots stored before their dialogs were kept one item a row.
 * Servers started together on a new database therefore neither race on the schema nor seed twice.
 */
export async function prepareDatabase(
  database: DatabaseHandle,
  options: { secretBox: SecretBox; seedDemo: boolean; secretsKey?: SecretsKeyChoice },
): Promise<void> {
  await database.withStartupLock(async (db) => {
    // All of it on the lock's own connection: with DATABASE_POOL_SIZE=1 the pool has no other to give.
    await applyMigrations(database.kind, db);
    const credentials = createCredentialsRepository(db, options.secretBox);
    const newFile = options.secretsKey?.newFile;
    const key = await credentials.checkKey(() => options.secretsKey && saveSecretsKeyFile(options.secretsKey));
    if (key !== 'same-key') {
      // No key file beside a database that was used before: the file was lost, not a first start.
      throw new SecretsKeyProblem(
        newFile
          ? key === 'secrets-do-not-open'
            ? `${newFile} is missing, and the stored credential secrets were sealed with a key: put that file back (or start with the SECRETS_KEY they were saved with).`
            : `${newFile} is missing, and this database was first used with a secrets key: put that file back (or start with the SECRETS_KEY it was first used with).`
          : KEY_PROBLEMS[key],
      );
    }
    await initialiseOnce(db, { seedDemo: options.seedDemo, credentials, cursors: createListCursors(options.secretBox) });
    await keepDialogItemsApart(db);
  });
}
