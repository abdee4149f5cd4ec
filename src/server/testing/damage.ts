import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/database';

const PAGE_BYTES = 8192;

/** The file, relative to the data dir, that holds a table's main fork (PostgreSQL's own answer). */
export async function relationFile(database: DatabaseHandle, table: string): Promise<string> {
  const result = (await database.db.execute(sql`select pg_relation_filepath(${table}::regclass) as path`)) as unknown as {
    rows: { path: string }[];
  };
  return result.rows[0]!.path;
}

/** Overwrites one 8 KB page of a relation file, as a torn write or a bad disk block would. */
export function overwritePage(dataDir: string, file: string, block: number, byte: number): void {
  const fd = openSync(join(dataDir, file), 'r+');
  try {
    writeSync(fd, Buffer.alloc(PAGE_BYTES, byte), 0, PAGE_BYTES, block * PAGE_BYTES);
  } finally {
    closeSync(fd);
  }
}
