import { buildApp } from './app';
import { readConfig } from './config';
import { DataDirProblem } from './db/data-dir-problem';
import { isDamage, openDatabase, type DatabaseHandle } from './db/database';
import { dataDirFailure } from './db/pglite-client';
import { seedDemoData } from './demo-data';
import { createBotsRepository } from './repositories/bots-repository';
import { createIntegrationsRepository } from './repositories/integrations-repository';
import { createSkillsRepository } from './skills/skills-repository';

const config = readConfig();
const dataDir = config.database.kind === 'pglite' ? config.database.dataDir : null;

/** A data dir the server cannot use ends the process with one line that says what to do, not a stack trace. */
function exitOnDataDirProblem(error: unknown): never {
  const problem = error instanceof DataDirProblem ? error : dataDir && isDamage(error) ? dataDirFailure(dataDir, error) : null;
  if (!problem) throw error;
  console.error(problem.message);
  process.exit(1);
}

let database: DatabaseHandle;
try {
  database = await openDatabase(config.database);
  // A brand-new database gets the demo bot, so the first start shows a working panel.
  const bots = createBotsRepository(database.db);
  if ((await bots.list({ limit: 1 })).items.length === 0 && process.env.SEED_DEMO !== '0') {
    await seedDemoData(bots, createIntegrationsRepository(database.db));
    await createSkillsRepository(database.db).seedDemo();
  }
} catch (error) {
  exitOnDataDirProblem(error);
}

const app = await buildApp(database, config);
await app.listen({ host: config.host, port: config.port });
const where = dataDir ? `embedded database in ${dataDir}` : 'PostgreSQL';
console.log(`Integrations Panel on http://${config.host}:${config.port} (${where}); API docs at /api/docs`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    // Close the server first so in-flight requests finish, then the database flushes, closes and unlocks DATA_DIR.
    void app.close().then(() => database.close()).then(() => process.exit(0));
  });
}
