import { buildApp } from './app';
import { readConfig } from './config';
import { openDatabase } from './db/database';
import { seedDemoData } from './demo-data';
import { createBotsRepository } from './repositories/bots-repository';
import { createIntegrationsRepository } from './repositories/integrations-repository';
import { createSkillsRepository } from './skills/skills-repository';

const config = readConfig();
const database = await openDatabase(config.database);

// A brand-new database gets the demo bot, so the first start shows a working panel.
const bots = createBotsRepository(database.db);
if ((await bots.list({ limit: 1 })).items.length === 0 && process.env.SEED_DEMO !== '0') {
  await seedDemoData(bots, createIntegrationsRepository(database.db));
  await createSkillsRepository(database.db).seedDemo();
}

const app = await buildApp(database, config);
await app.listen({ host: config.host, port: config.port });
const where = database.kind === 'pglite' ? `embedded database in ${config.database.kind === 'pglite' ? config.database.dataDir : ''}` : 'PostgreSQL';
console.log(`Integrations Panel on http://${config.host}:${config.port} (${where}); API docs at /api/docs`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    // Close the server first so in-flight requests finish, then the database flushes and closes.
    void app.close().then(() => database.close()).then(() => process.exit(0));
  });
}
