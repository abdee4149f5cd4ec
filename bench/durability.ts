// npx tsx bench/durability.ts [commits]: what fsync on costs the embedded database, commit by commit.
// Opens a fresh data dir each way (PGlite's default of fsync off, then the server's durable client)
// and times single-row commits the size of an integration, one after another as the API runs them.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { createPgliteClient } from '../src/server/db/database';
import { root } from './server-process';

const COMMITS = Number(process.argv[2] ?? 500);
const ROW = JSON.stringify({ messageToUser: 'x'.repeat(600), headers: [{ name: 'Authorization', value: 'y'.repeat(100) }] });

interface Result {
  openMs: number;
  perCommitMs: number[];
}

async function measure(open: (dir: string) => PGlite): Promise<Result> {
  // On the project's disk, as DATA_DIR is by default: /tmp may be a memory file system where fsync costs nothing.
  const dir = mkdtempSync(join(root, '.bench-durability-'));
  try {
    const started = performance.now();
    const client = open(dir);
    await client.waitReady;
    await client.exec('create table probe (id serial primary key, body jsonb not null)');
    const openMs = performance.now() - started;
    const perCommitMs: number[] = [];
    for (let n = 0; n < COMMITS; n++) {
      const at = performance.now();
      await client.query('insert into probe (body) values ($1)', [ROW]);
      perCommitMs.push(performance.now() - at);
    }
    await client.close();
    return { openMs, perCommitMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function line(name: string, result: Result): string {
  const sorted = [...result.perCommitMs].sort((a, b) => a - b);
  const total = result.perCommitMs.reduce((sum, ms) => sum + ms, 0);
  const fixed = (ms: number) => ms.toFixed(2).padStart(7);
  return `${name.padEnd(26)} median ${fixed(quantile(sorted, 0.5))} ms  p95 ${fixed(quantile(sorted, 0.95))} ms  ${Math.round(
    (COMMITS * 1000) / total,
  )
    .toString()
    .padStart(5)} commits/s  (open ${Math.round(result.openMs)} ms)`;
}

const relaxed = await measure((dir) => new PGlite({ fs: new NodeFS(dir), postgresqlconf: ['shared_buffers = 16MB'] }));
const durable = await measure((dir) => createPgliteClient(dir));
console.log(`${COMMITS} sequential single-row commits on ${root}`);
console.log(line('fsync off (PGlite default)', relaxed));
console.log(line('fsync on (the server)', durable));
