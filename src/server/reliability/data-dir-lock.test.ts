import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../db/data-dir-lock';
import { createTestDatabase, type TestDatabase } from '../testing/api-harness';
import { startChildServer, startChildServerExpectingExit, type ChildServer } from './child-server';
import { send } from './http';

// The embedded database only: PostgreSQL has its own server that serialises writers.
// Ports 4420-4424 are this file's (crash.test.ts and concurrency.test.ts use others in 4400-4499).
describe('two servers on one DATA_DIR', () => {
  let database: TestDatabase;
  const servers: ChildServer[] = [];

  afterAll(async () => {
    for (const server of servers) await server.kill();
    await database?.destroy();
  });

  it(
    'refuses the second with one line naming the process that holds it, and loses no acknowledged write',
    { timeout: 180_000 },
    async () => {
      database = await createTestDatabase('pglite');
      const dataDir = database.target.kind === 'pglite' ? database.target.dataDir! : '';
      const first = await startChildServer(database.target, 4420);
      servers.push(first);
      const bot = await send(first.baseUrl, { method: 'POST', path: '/api/bots', json: { name: 'Locked Bot' } });
      expect(bot.status).toBe(201);

      const second = await startChildServerExpectingExit(database.target, 4421);
      expect(second.listened).toBe(false);
      expect(second.code).toBe(1);
      const lines = second.stderr.trim().split('\n');
      expect(lines, second.stderr).toHaveLength(1);
      expect(lines[0]).toContain(`DATA_DIR ${dataDir} is in use by process ${first.process.pid}`);

      // The first server kept the directory to itself: its writes are all there after an orderly restart.
      const after = await send(first.baseUrl, { method: 'POST', path: '/api/bots', json: { name: 'Second Bot' } });
      expect(after.status).toBe(201);
      await first.stop();
      const third = await startChildServer(database.target, 4422);
      servers.push(third);
      const list = await send(third.baseUrl, { method: 'GET', path: '/api/bots' });
      expect(list.body.items.map((item: { name: string }) => item.name).sort()).toEqual(['Locked Bot', 'Second Bot']);
      expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(third.process.pid);
    },
  );

  it('takes over the lock of a server that was killed', { timeout: 180_000 }, async () => {
    // The previous test's server still holds the directory: stop it first.
    await servers.at(-1)!.stop();
    const killed = await startChildServer(database.target, 4423);
    servers.push(killed);
    await killed.kill();
    const lockPath = join(database.target.kind === 'pglite' ? database.target.dataDir! : '', LOCK_FILE);
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(killed.process.pid);
    const next = await startChildServer(database.target, 4424);
    servers.push(next);
    expect((await send(next.baseUrl, { method: 'GET', path: '/api/bots' })).status).toBe(200);
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(next.process.pid);
  });
});

describe('a lock file nobody can read', () => {
  it('is reported in one line instead of being overwritten', { timeout: 60_000 }, async () => {
    const database = await createTestDatabase('pglite');
    try {
      const dataDir = database.target.kind === 'pglite' ? database.target.dataDir! : '';
      writeFileSync(join(dataDir, LOCK_FILE), 'not json');
      const start = await startChildServerExpectingExit(database.target, 4425);
      expect(start.code).toBe(1);
      expect(start.stderr.trim().split('\n')).toEqual([expect.stringContaining('lock file that cannot be read')]);
    } finally {
      await database.destroy();
    }
  });
});
