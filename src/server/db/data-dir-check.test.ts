import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, startChildServerExpectingExit } from '../reliability/child-server';
import { createTestDatabase, startTestServer, type TestDatabase } from '../testing/api-harness';
import { overwritePage, relationFile } from '../testing/damage';
import { LOCK_FILE } from './data-dir-lock';

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** `npm run db:check <dir>` as an operator runs it: its exit code and the lines it printed. */
function dbCheck(dataDir: string): { code: number | null; lines: string[] } {
  const run = spawnSync('npm', ['run', '--silent', 'db:check', '--', dataDir], { cwd: projectRoot, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, lines: `${run.stdout}${run.stderr}`.trim().split('\n') };
}

// The embedded database's files only: PostgreSQL's data directory belongs to its server.
describe('a damaged copy of an embedded data dir', () => {
  let pristine: TestDatabase;
  let integrationsFile: string;
  const copies: string[] = [];

  beforeAll(async () => {
    pristine = await createTestDatabase('pglite');
    const server = await startTestServer(pristine.target);
    const bot = await server.request('POST', '/api/bots', { body: { name: 'Checked' } });
    // Enough rows to fill several pages, so one page can be lost among sound ones.
    await server.database.db.execute(sql`
      insert into integrations (id, bot_id, name, response_data_variable, type, config)
      select gen_random_uuid(), ${bot.body.id}::uuid, 'I' || g, 'v' || g, 'escalation', jsonb_build_object('padding', repeat('x', 200))
      from generate_series(1, 950) g`);
    integrationsFile = await relationFile(server.database, 'integrations');
    await server.close();
  }, 120_000);
  afterAll(async () => {
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
    await pristine?.destroy();
  });

  function damagedCopy(name: string, damage: (dir: string) => void): string {
    const dir = `${pristine.target.kind === 'pglite' ? pristine.target.dataDir : ''}-${name}`;
    cpSync(pristine.target.kind === 'pglite' ? pristine.target.dataDir! : '', dir, { recursive: true });
    copies.push(dir);
    damage(dir);
    return dir;
  }

  it('is sound before any damage, and db:check leaves it as it was', { timeout: 120_000 }, () => {
    const dir = damagedCopy('sound', () => undefined);
    const before = readdirSync(dir, { recursive: true }).length;
    const result = dbCheck(dir);
    expect(result).toEqual({
      code: 0,
      lines: [expect.stringMatching(/^DATA_DIR .* is sound: \d+ tables, \d+ rows, every page and index read\.$/)],
    });
    expect(readdirSync(dir, { recursive: true }).length).toBe(before);
  });

  it(
    'takes the server’s lock: refused while a server runs, checks at once after it was killed or beside an old pid lock',
    { timeout: 180_000 },
    async () => {
      const dir = damagedCopy('held', () => undefined);
      const server = await startChildServer({ kind: 'pglite', dataDir: dir }, 4431);
      try {
        expect(dbCheck(dir)).toEqual({
          code: 1,
          lines: [expect.stringContaining(`DATA_DIR ${dir} is in use by process ${server.process.pid} (since `)],
        });
      } finally {
        await server.kill();
      }
      const sound = { code: 0, lines: [expect.stringMatching(/ is sound: /)] };
      expect(dbCheck(dir)).toEqual(sound);
      // What the pid lock of an earlier version left: process 1 is always alive, and never a server.
      writeFileSync(join(dir, LOCK_FILE), `${JSON.stringify({ pid: 1, host: hostname(), since: new Date().toISOString() })}\n`);
      expect(dbCheck(dir)).toEqual(sound);
    },
  );

  it('finds a zeroed table page that PostgreSQL reads as empty', { timeout: 120_000 }, () => {
    const dir = damagedCopy('zeroed', (d) => overwritePage(d, integrationsFile, 3, 0));
    const result = dbCheck(dir);
    expect(result.code).toBe(1);
    expect(result.lines).toEqual([
      expect.stringMatching(/is damaged: table integrations: page 3 has lost the \d+ rows .* Restore it from a backup\.$/),
    ]);
  });

  it('finds a page with a garbage header', { timeout: 120_000 }, () => {
    const dir = damagedCopy('garbage', (d) => overwritePage(d, integrationsFile, 2, 0x41));
    const result = dbCheck(dir);
    expect(result.code).toBe(1);
    expect(result.lines).toEqual([expect.stringContaining('table integrations cannot be read (invalid page in block 2')]);
  });

  const startFailures = [
    { what: 'pg_control', damage: (d: string) => rmSync(join(d, 'global', 'pg_control')), says: /global\/pg_control is missing/ },
    {
      what: 'the WAL segment',
      damage: (d: string) => {
        for (const file of readdirSync(join(d, 'pg_wal'))) if (/^[0-9A-F]{24}$/.test(file)) rmSync(join(d, 'pg_wal', file));
      },
      says: /the write-ahead log segment .*pg_wal\/[0-9A-F]{24} is missing/,
    },
  ];

  it.each(startFailures)(
    'without $what: db:check and the server both say so in one line',
    { timeout: 180_000 },
    async ({ what, damage, says }) => {
      const dir = damagedCopy(what.replace(/\W/g, ''), damage);
      const result = dbCheck(dir);
      expect(result.code).toBe(1);
      expect(result.lines).toEqual([expect.stringMatching(says)]);
      expect(result.lines[0]).toContain('restore DATA_DIR from a backup');

      const start = await startChildServerExpectingExit({ kind: 'pglite', dataDir: dir }, 4430);
      expect(start.code).toBe(1);
      const lines = start.stderr.trim().split('\n');
      expect(lines, start.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(says);
      expect(lines[0]).toContain('npm run db:check');
    },
  );
});
