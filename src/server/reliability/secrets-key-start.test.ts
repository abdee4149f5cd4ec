import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SECRETS_KEY_FILE } from '../credentials/secret-box';
import { createTestDatabase, hasPostgres, type TestDatabase } from '../testing/api-harness';
import { startChildServer, startChildServerExpectingExit, type ChildServer } from './child-server';
import { send } from './http';

// Ports 4470-4479 are this file's (the other reliability tests use others in 4400-4499).
describe('the secrets key at start', () => {
  const databases: TestDatabase[] = [];
  const servers: ChildServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.kill();
    for (const database of databases) await database.destroy();
  });

  it.skipIf(!hasPostgres)('refuses PostgreSQL without SECRETS_KEY with one line that says what to set', { timeout: 120_000 }, async () => {
    const database = await createTestDatabase('postgres');
    databases.push(database);
    const refused = await startChildServerExpectingExit(database.target, 4470, { SECRETS_KEY: '' });
    expect(refused.listened).toBe(false);
    expect(refused.code).toBe(1);
    const lines = refused.stderr.trim().split('\n');
    expect(lines, refused.stderr).toHaveLength(1);
    expect(lines[0]).toContain('SECRETS_KEY is required with DATABASE_URL');
    const badKey = await startChildServerExpectingExit(database.target, 4471, { SECRETS_KEY: 'too-short' });
    expect(badKey.stderr.trim()).toBe('SECRETS_KEY must be 32 random bytes in base64 (make one with: openssl rand -base64 32).');
  });

  it(
    'creates a 0600 key file in DATA_DIR, and refuses to start with a key the stored secrets do not open with',
    { timeout: 180_000 },
    async () => {
      const database = await createTestDatabase('pglite');
      databases.push(database);
      const dataDir = database.target.kind === 'pglite' ? database.target.dataDir! : '';
      const first = await startChildServer(database.target, 4472);
      servers.push(first);
      expect(statSync(join(dataDir, SECRETS_KEY_FILE)).mode & 0o777).toBe(0o600);
      const created = await send(first.baseUrl, {
        method: 'POST',
        path: '/api/credentials',
        json: { name: 'Kept', type: 'BEARER', secrets: { token: 't0ken' } },
      });
      expect(created.status).toBe(201);
      await first.stop();

      writeFileSync(join(dataDir, SECRETS_KEY_FILE), randomBytes(32).toString('base64'), { mode: 0o600 });
      const before = readdirSync(dataDir).sort();
      const refused = await startChildServerExpectingExit(database.target, 4473);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toContain('do not open with this secrets key');
      expect(readdirSync(dataDir).sort()).toEqual(before);

      // Without its key file, a start must not make a new key that the stored secrets do not open with.
      rmSync(join(dataDir, SECRETS_KEY_FILE));
      const withoutKey = await startChildServerExpectingExit(database.target, 4474);
      expect(withoutKey.code).toBe(1);
      expect(withoutKey.stderr.trim().split('\n')).toEqual([
        `${join(dataDir, SECRETS_KEY_FILE)} is missing, and the stored credential secrets were sealed with a key: put that file back (or start with the SECRETS_KEY they were saved with).`,
      ]);
      expect(existsSync(join(dataDir, SECRETS_KEY_FILE))).toBe(false);
      expect(readdirSync(dataDir).sort()).toEqual(before.filter((name) => name !== SECRETS_KEY_FILE));
    },
  );

  it('leaves a new DATA_DIR empty when the start is refused for a malformed SECRETS_KEY', { timeout: 120_000 }, async () => {
    const database = await createTestDatabase('pglite');
    databases.push(database);
    const dataDir = database.target.kind === 'pglite' ? database.target.dataDir! : '';
    const refused = await startChildServerExpectingExit(database.target, 4475, { SECRETS_KEY: 'too-short' });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe('SECRETS_KEY must be 32 random bytes in base64 (make one with: openssl rand -base64 32).');
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
