// `npm run db:migrate`: applies the committed migrations to the database the server would use (DATABASE_URL,
// else the embedded one in DATA_DIR) and exits, for a deploy step that runs once before the servers start.
// Under the same start-up lock as the servers, so it is safe while they run. Exit code 0: migrated; 1: not.
import { readConfig } from '../src/server/config';
import { connectDatabase, migrateDatabase } from '../src/server/db/database';

const config = readConfig();
const where = config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.database.dataDir}`;
try {
  const database = await connectDatabase(config.database);
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  console.log(`Migrated ${where}: its schema is current.`);
  process.exit(0);
} catch (error) {
  console.error(`Could not migrate ${where}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
