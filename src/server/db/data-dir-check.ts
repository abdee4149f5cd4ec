import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import { pageinspect } from '@electric-sql/pglite/contrib/pageinspect';
import { isLockFile, lockDataDir, type DataDirLock } from './data-dir-lock';
import { DataDirProblem } from './data-dir-problem';
import { createPgliteClient, dataDirFailure } from './pglite-client';

interface DataDirReport {
  sound: boolean;
  /** One line: what was checked, or what is wrong and what to do. */
  line: string;
}

interface Relation {
  name: string;
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/**
 * Index entries that point at a line pointer the heap page does not have. A page overwritten with zeros
 * passes every check PostgreSQL itself makes (it reads as a new, empty page), so its rows vanish silently;
 * the primary key still lists them, which is how this finds them.
 */
const DANGLING_ENTRIES = `
with heap as (
  select blk, (page_header(get_raw_page($1::text, 'main', blk))).lower as lower
  from generate_series(0, pg_relation_size($1::text::regclass) / current_setting('block_size')::int - 1) blk
), leaves as (
  select blk from generate_series(1, pg_relation_size($2::text::regclass) / current_setting('block_size')::int - 1) blk
  where (bt_page_stats($2::text, blk)).type = 'l'
), tids as (
  select unnest(coalesce(item.tids, array[item.htid])) as tid
  from leaves, bt_page_items($2::text, leaves.blk) item where item.htid is not null
), located as (
  select (tid::text::point)[0]::int as blk, (tid::text::point)[1]::int as off from tids
)
select located.blk as block, count(*)::int as entries from located left join heap on heap.blk = located.blk
where heap.blk is null or located.off > greatest(0, (heap.lower - 24) / 4)
group by located.blk order by located.blk`;

async function checkTable(client: PGlite, table: Relation, findings: string[]): Promise<number> {
  let rows: number;
  try {
    // Every row as text: every page is read and every out-of-line (TOAST) value is fetched.
    const read = await client.query<{ rows: number }>(`select count(*)::int as rows, sum(length(t::text)) from ${table.name} t`);
    rows = read.rows[0]?.rows ?? 0;
  } catch (error) {
    findings.push(`table ${table.name} cannot be read (${firstLine(error)})`);
    return 0;
  }
  try {
    const heap = await client.query<{ blkno: number; msg: string }>(`select blkno, msg from verify_heapam($1) limit 3`, [table.name]);
    for (const { blkno, msg } of heap.rows) findings.push(`table ${table.name}, page ${blkno}: ${msg}`);
  } catch (error) {
    findings.push(`table ${table.name} fails its heap check (${firstLine(error)})`);
  }
  const indexes = await client.query<{ name: string }>(
    `select i.indexrelid::regclass::text as name from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
     where i.indrelid = $1::regclass and am.amname = 'btree' order by 1`,
    [table.name],
  );
  for (const { name } of indexes.rows) {
    try {
      await client.query(`select bt_index_check($1::regclass, true)`, [name]);
      const dangling = await client.query<{ block: number; entries: number }>(DANGLING_ENTRIES, [table.name, name]);
      for (const { block, entries } of dangling.rows) {
        findings.push(
          `table ${table.name}: page ${block} has lost the ${entries} rows that index ${name} lists on it (the page is zeroed or truncated)`,
        );
      }
    } catch (error) {
      findings.push(`index ${name} of table ${table.name} is damaged (${firstLine(error)})`);
    }
  }
  return rows;
}

async function checkCopy(dataDir: string, copy: string): Promise<DataDirReport> {
  const client = createPgliteClient(copy, { amcheck, pageinspect });
  try {
    await client.waitReady;
  } catch (error) {
    return { sound: false, line: dataDirFailure(dataDir, error).message };
  }
  try {
    await client.exec('create extension if not exists amcheck; create extension if not exists pageinspect;');
    const tables = await client.query<Relation>(
      `select c.oid::regclass::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') order by 1`,
    );
    const findings: string[] = [];
    let rows = 0;
    for (const table of tables.rows) rows += await checkTable(client, table, findings);
    if (findings.length > 0) {
      return { sound: false, line: `DATA_DIR ${dataDir} is damaged: ${findings.join('; ')}. Restore it from a backup.` };
    }
    return { sound: true, line: `DATA_DIR ${dataDir} is sound: ${tables.rows.length} tables, ${rows} rows, every page and index read.` };
  } finally {
    await client.close().catch(() => undefined);
  }
}

/**
 * Reads every table and index of an embedded database's data dir. The check runs on a copy, so the
 * extensions it needs and the recovery the engine does on opening never change the directory itself;
 * the directory is locked while copied, so no server writes it meanwhile.
 */
export async function checkDataDir(dataDir: string): Promise<DataDirReport> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    return { sound: false, line: `DATA_DIR ${dataDir} holds no database (no PG_VERSION): check the path.` };
  }
  let lock: DataDirLock | null;
  try {
    lock = await lockDataDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirProblem) return { sound: false, line: `${error.message} Check it while the server is stopped.` };
    throw error;
  }
  const copy = mkdtempSync(join(tmpdir(), 'db-check-'));
  try {
    cpSync(dataDir, copy, { recursive: true, filter: (source) => !isLockFile(basename(source)) });
    await lock.release();
    lock = null;
    return await checkCopy(dataDir, copy);
  } finally {
    await lock?.release();
    rmSync(copy, { recursive: true, force: true });
  }
}
