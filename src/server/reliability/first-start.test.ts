import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { DatabaseTarget } from '../db/database';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../testing/api-harness';
import { startChildServer, startChildServerExpectingExit, type ChildServer } from './child-server';
import { send } from './http';

// Ports 4550-4569 are this file's (several-servers.test.ts has the rest of 4500-4599).
const PORTS = { pglite: [4550, 4551, 4552, 4553], postgres: [4560, 4561, 4562, 4563] } as const;
const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64');

/** `npm run db:migrate` on the target, as a deploy step runs it: its exit code and what it printed. */
function migrate(target: DatabaseTarget): Promise<{ code: number | null; output: string }> {
  const env = target.kind === 'postgres' ? { DATABASE_URL: target.url } : { DATA_DIR: target.dataDir ?? '', DATABASE_URL: '' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

const botNames = async (server: ChildServer): Promise<string[]> =>
  (await send(server.baseUrl, { method: 'GET', path: '/api/bots' })).body.items.map((bot: { name: string }) => bot.name);

describeEachDatabase('the first start of a database (%s)', (kind) => {
  const databases: TestDatabase[] = [];
  const servers: ChildServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.kill();
    for (const database of databases) await database.destroy();
  });
  const [migrated, restarted, firstKey, otherKey] = PORTS[kind];

  it(
    'db:migrate migrates alone; the demo goes into a brand-new database once, never after its bots are deleted',
    { timeout: 120_000 },
    async () => {
      const database = await createTestDatabase(kind);
      databases.push(database);
      const migration = await migrate(database.target);
      expect(migration, migration.output).toMatchObject({ code: 0 });
      expect(migration.output).toContain('Migrated');

      const first = await startChildServer(database.target, migrated, { SEED_DEMO: '1' });
      servers.push(first);
      expect(await botNames(first)).toEqual(['Customer Care Bot']);
      const [demo] = (await send(first.baseUrl, { method: 'GET', path: '/api/bots' })).body.items;
      const read = await send(first.baseUrl, { method: 'GET', path: `/api/bots/${demo.id}` });
      const deleted = await send(first.baseUrl, { method: 'DELETE', path: `/api/bots/${demo.id}`, headers: { 'if-match': read.etag! } });
      expect(deleted.status).toBe(204);
      await first.stop();

      const second = await startChildServer(database.target, restarted, { SEED_DEMO: '1' });
      servers.push(second);
      expect(await botNames(second)).toEqual([]);
      await second.stop();
    },
  );

  it(
    'refuses a SECRETS_KEY other than the one the database was first used with, before any secret is stored',
    { timeout: 120_000 },
    async () => {
      const database = await createTestDatabase(kind);
      databases.push(database);
      const first = await startChildServer(database.target, firstKey, { SECRETS_KEY: KEY_A });
      servers.push(first);
      await first.stop();
      const refused = await startChildServerExpectingExit(database.target, otherKey, { SECRETS_KEY: KEY_B });
      expect(refused.code).toBe(1);
      const lines = refused.stderr.trim().split('\n');
      expect(lines, refused.stderr).toHaveLength(1);
      expect(lines[0]).toContain('first used with another secrets key');
    },
  );
});
