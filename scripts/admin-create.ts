// `npm run admin:create -- --email <e> --password <p> [--name <n>] [--api-key]`: creates an admin on the
// database the server would use (DATABASE_URL, else DATA_DIR), for the first admin of AUTH=accounts. With
// --api-key it prints one admin API key, once: only its hash is stored. Exit code 0: created; 1: not.
import { parseArgs } from 'node:util';
import { personInputSchema } from '../src/domain/people';
import { readConfig } from '../src/server/config';
import type { Actor } from '../src/server/db/actor-context';
import { connectDatabase, migrateDatabase } from '../src/server/db/database';
import { createPeopleRepository } from '../src/server/people/people-repository';

const COMMAND_LINE: Actor = { id: 'command-line', name: 'npm run admin:create', kind: 'local', role: 'admin', via: 'none' };

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let values: { email?: string; password?: string; name?: string; 'api-key'?: boolean };
try {
  ({ values } = parseArgs({
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, 'api-key': { type: 'boolean' } },
  }));
} catch (error) {
  fail(
    `${error instanceof Error ? error.message : String(error)}. Usage: npm run admin:create -- --email <e> --password <p> [--name <n>] [--api-key]`,
  );
}
const input = personInputSchema.safeParse({
  email: values.email,
  password: values.password,
  name: values.name ?? values.email?.split('@')[0] ?? '',
  role: 'admin',
});
if (!input.success || !values.password) {
  const why = input.success ? 'Give --password.' : input.error.issues.map((issue) => issue.message).join(' ');
  fail(`${why} Usage: npm run admin:create -- --email <e> --password <p> [--name <n>] [--api-key]`);
}

const config = readConfig();
let database;
try {
  database = await connectDatabase(config.database);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
try {
  await migrateDatabase(database);
  const repository = createPeopleRepository(database.db);
  const { person } = await repository.create(input.data, COMMAND_LINE);
  console.log(`Created admin ${person.name} <${person.email}>.`);
  if (values['api-key']) {
    const key = await repository.createKey(person.id, 'admin', { name: 'admin:create' }, COMMAND_LINE);
    console.log(`Admin API key (shown once, keep it): ${key.key}`);
  }
} catch (error) {
  await database.close();
  fail(`Could not create the admin: ${error instanceof Error ? error.message : String(error)}`);
}
await database.close();
process.exit(0);
