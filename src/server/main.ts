import { buildApp } from './app';
import { anonymousExposureProblem, readConfig } from './config';
import { DataDirProblem } from './db/data-dir-problem';
import { connectDatabase, isDamage, type DatabaseHandle } from './db/database';
import { isDatabaseUnavailable } from './db/errors';
import { dataDirFailure } from './db/pglite-client';
import { chooseSecretsKey, createSecretBox, SecretsKeyProblem } from './credentials/secret-box';
import { prepareDatabase } from './prepare-database';
import { countAdmins } from './people/people-repository';

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const exposure = anonymousExposureProblem(config);
if (exposure) {
  console.error(exposure);
  process.exit(1);
}
const dataDir = config.database.kind === 'pglite' ? config.database.dataDir : null;

/**
 * A data dir the server cannot use, or a secrets key that is not the database's, ends the process with one
 * line that says what to do, not a stack trace. Anything else is a fault of the server, thrown as it is.
 */
async function exitOnStartProblem(error: unknown, database: DatabaseHandle | null): Promise<never> {
  const problem =
    error instanceof DataDirProblem || error instanceof SecretsKeyProblem
      ? error
      : dataDir && isDamage(error)
        ? dataDirFailure(dataDir, error)
        : null;
  if (!problem) throw error;
  // Closing unlocks DATA_DIR for the next start.
  await database?.close().catch(() => undefined);
  console.error(problem.message);
  process.exit(1);
}

/** The value of `work`, or the process ends with exitOnStartProblem's one line. */
async function orExit<T>(work: () => T | Promise<T>, database: DatabaseHandle | null): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return exitOnStartProblem(error, database);
  }
}

// Whatever can refuse the start is decided before DATA_DIR is touched (PostgreSQL without SECRETS_KEY, a
// malformed key, a key file others can read), and a first start's key file is written only once the
// database is open and has no key of its own yet: a refused start leaves DATA_DIR as it was.
const secretsKey = await orExit(() => chooseSecretsKey(config.secretsKey, config.database), null);
const database = await orExit(() => connectDatabase(config.database), null);
const secretBox = createSecretBox(secretsKey.key);

const prepare = () => prepareDatabase(database, { secretBox, secretsKey, seedDemo: process.env.SEED_DEMO !== '0' });
let ready = false;
let unreachable: unknown = null;
try {
  await prepare();
  ready = true;
} catch (error) {
  // PostgreSQL down at start: serve anyway (liveness 200, readiness and the API 503) and prepare once it answers.
  if (!isDatabaseUnavailable(error)) await exitOnStartProblem(error, database);
  unreachable = error;
}

const auth =
  config.authMode === 'none'
    ? undefined
    : { mode: config.authMode, secretsKey: secretsKey.key, secureCookies: config.secureCookies, oidc: config.oidc };
const app = await buildApp(database, { ...config, secretBox, isDatabaseReady: () => ready, auth });
if (auth && ready) {
  const admins = await countAdmins(database.db);
  if (admins === 0) {
    console.log(
      `No admin yet: create the first one with  npm run admin:create -- --email <email> --password <password> [--name <name>] [--api-key]`,
    );
  }
}
await app.listen({ host: config.host, port: config.port });
const where = dataDir ? `embedded database in ${dataDir}` : 'PostgreSQL';
console.log(`Integrations Panel on http://${config.host}:${config.port} (${where}); API docs at /api/docs`);

let closing = false;

/** Tries again, less and less often, until the database answers; a refusal (another key) still ends the process. */
async function prepareOnceReachable(): Promise<void> {
  for (let delayMs = 500; !closing; delayMs = Math.min(delayMs * 2, 5_000)) {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (closing) return;
    try {
      await prepare();
      ready = true;
      app.log.warn('the database answers again: the server is ready');
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) {
        await app.close();
        await exitOnStartProblem(error, database);
      }
    }
  }
}

if (!ready) {
  const reason = unreachable instanceof Error ? unreachable.message : String(unreachable);
  console.error(`The database cannot be reached yet (${reason}): serving 503 and retrying until it answers.`);
  void prepareOnceReachable();
}

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
