import { randomUUID } from 'node:crypto';
import { and, asc, eq, getTableName, sql } from 'drizzle-orm';
import type { DirectoryDescriptor } from '../../domain/directories/define-directory';
import { matchesEntry } from '../../domain/directories/directory-usage';
import type { Database } from '../db/database';
import { violatedUniqueConstraint } from '../db/errors';
import { deletedDirectoryEntries, type credentials, type knowledgeBases, type lpFunctions, type skills } from '../db/schema';
import { conflict, notFound, preconditionFailed } from '../errors';
import { inUseProblem } from './in-use';
import { findUsages } from './usages';

/** The directories' tables: each keeps its own, with an id, a name unique ignoring case, and a version. */
export type DirectoryTable = typeof skills | typeof credentials | typeof lpFunctions | typeof knowledgeBases;

/** An entry as the repository gives it: what the routes answer, but for who uses it. */
export interface DirectoryRecord {
  id: string;
  name: string;
  version: number;
  [field: string]: unknown;
}

/** How one directory's entries map to its table's rows. */
export interface DirectoryStorage<T extends DirectoryTable> {
  table: T;
  /** The id column's value for an id as the API gives it (a skill's id is a bigint). */
  key: (id: string) => T['$inferSelect']['id'];
  fromRow: (row: T['$inferSelect']) => DirectoryRecord;
  toRow: (id: string, input: Readonly<Record<string, unknown>>) => T['$inferInsert'];
  /** The columns a PATCH changes; what it leaves out is kept. Throws a DomainError for a bad value. */
  changes: (row: T['$inferSelect'], patch: Readonly<Record<string, unknown>>) => Partial<T['$inferInsert']>;
}

/** A directory whose fields are plain columns: a PATCH sets the fields it names, and nothing else. */
export function plainStorage<T extends typeof lpFunctions | typeof knowledgeBases>(
  descriptor: DirectoryDescriptor,
  table: T,
): DirectoryStorage<T> {
  const changeable = Object.keys(descriptor.fields).filter((key) => !descriptor.fields[key]!.createOnly);
  return {
    table,
    key: (id) => id,
    fromRow: (row) => ({ ...row }),
    toRow: (id, input) => ({ ...input, id }) as T['$inferInsert'],
    changes: (_row, patch) =>
      Object.fromEntries(changeable.filter((key) => patch[key] !== undefined).map((key) => [key, patch[key]])) as Partial<
        T['$inferInsert']
      >,
  };
}

const capitalized = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** A row as JSON: a skill's bigint id as text, times as ISO strings (read back by rowFromJson). */
const rowToJson = (row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      typeof value === 'bigint' ? value.toString() : value instanceof Date ? value.toISOString() : value,
    ]),
  );

/** The directories' only time columns. */
const TIME_COLUMNS = new Set(['createdAt', 'updatedAt']);

/** One repository for every directory: list, read, create, and versioned change and delete. */
export function createDirectoryRepository<T extends DirectoryTable>(
  db: Database,
  descriptor: DirectoryDescriptor,
  storage: DirectoryStorage<T>,
) {
  // Typed as the union's common shape: each storage maps its own rows, so the queries need only these columns.
  const table = storage.table as typeof lpFunctions;
  const fromRow = storage.fromRow as (row: unknown) => DirectoryRecord;
  const key = storage.key as (id: string) => string;
  const changes = storage.changes as (row: unknown, patch: Readonly<Record<string, unknown>>) => Record<string, unknown>;
  const tableName = getTableName(table);
  const Noun = capitalized(descriptor.noun);
  const hasUpdatedAt = descriptor.timestamps === true;

  function duplicateProblem(error: unknown, id: string, name: unknown): never {
    const constraint = violatedUniqueConstraint(error);
    if (constraint === `${tableName}_pkey`) {
      throw conflict(`${Noun} ${id} is already in the directory.`, { id: `${Noun} id ${id} is already in the directory.` });
    }
    if (constraint === `${tableName}_name_unique`) {
      throw conflict(`A ${descriptor.noun} named "${String(name)}" is already in the directory.`, {
        name: `${descriptor.fields.name?.label ?? 'Name'} "${String(name)}" is already used (names are unique, ignoring case).`,
      });
    }
    throw error;
  }

  /** The row, locked for the write, after checking the version the client saw. */
  async function lockedRow(tx: Database, id: string, expectedVersion: number) {
    const [row] = await tx
      .select()
      .from(table)
      .where(eq(table.id, key(id)))
      .for('update');
    if (!row) throw notFound(`${Noun} ${id}`);
    if (row.version !== expectedVersion) throw preconditionFailed(row.version);
    return row;
  }

  return {
    async list(q?: string): Promise<DirectoryRecord[]> {
      const rows = await db
        .select()
        .from(table)
        .orderBy(asc(sql`lower(${table.name})`));
      return rows.map(fromRow).filter((entry) => matchesEntry(entry, q));
    },

    async get(id: string): Promise<DirectoryRecord | null> {
      const [row] = await db
        .select()
        .from(table)
        .where(eq(table.id, key(id)));
      return row ? fromRow(row) : null;
    },

    async create(input: Readonly<Record<string, unknown>>): Promise<DirectoryRecord> {
      const id = typeof input.id === 'string' ? input.id : randomUUID();
      try {
        const [row] = await db
          .insert(table)
          .values(storage.toRow(id, input) as typeof table.$inferInsert)
          .returning();
        return fromRow(row!);
      } catch (error) {
        duplicateProblem(error, id, input.name);
      }
    },

    /** Changes what the patch names, if the entry is still at `expectedVersion` (412 otherwise). */
    async update(id: string, expectedVersion: number, patch: Readonly<Record<string, unknown>>): Promise<DirectoryRecord> {
      try {
        return await db.transaction(async (tx) => {
          const row = await lockedRow(tx, id, expectedVersion);
          const [updated] = await tx
            .update(table)
            .set({
              ...changes(row, patch),
              ...(hasUpdatedAt ? { updatedAt: new Date() } : {}),
              version: sql`${table.version} + 1`,
            })
            .where(eq(table.id, key(id)))
            .returning();
          return fromRow(updated!);
        });
      } catch (error) {
        duplicateProblem(error, id, patch.name);
      }
    },

    /** Refused while an integration refers to the entry (when the directory's entries are referred to by id). */
    async delete(id: string, expectedVersion: number): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await lockedRow(tx, id, expectedVersion);
        if (descriptor.usages) {
          const usages = (await findUsages(tx, descriptor.usages, [id])).get(id) ?? [];
          if (usages.length > 0) throw inUseProblem(`${Noun} "${row.name}"`, usages);
        }
        await tx.delete(table).where(eq(table.id, key(id)));
        // Kept as it was, sealed secrets included, for restore(): the latest deletion of this id.
        const entry = rowToJson(row as unknown as Record<string, unknown>);
        await tx
          .insert(deletedDirectoryEntries)
          .values({ directory: tableName, id, entry })
          .onConflictDoUpdate({
            target: [deletedDirectoryEntries.directory, deletedDirectoryEntries.id],
            set: { entry, deletedAt: new Date() },
          });
      });
    },

    /**
     * Puts a deleted entry back as it was (same id, same secrets), one version past the one deleted, so an
     * ETag from before the delete does not match it. 404 when no deletion of the id is kept; 409 when its
     * id or name was taken meanwhile.
     */
    async restore(id: string): Promise<DirectoryRecord> {
      const [kept] = await db
        .select()
        .from(deletedDirectoryEntries)
        .where(and(eq(deletedDirectoryEntries.directory, tableName), eq(deletedDirectoryEntries.id, id)));
      if (!kept) throw notFound(`A deleted ${descriptor.noun} with id ${id}`);
      const values = Object.fromEntries(
        Object.entries(kept.entry).map(([column, value]) => [
          column,
          TIME_COLUMNS.has(column) && typeof value === 'string' ? new Date(value) : value,
        ]),
      );
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(table)
            .values({
              ...values,
              id: key(id),
              version: Number(kept.entry.version ?? 0) + 1,
              ...(hasUpdatedAt ? { updatedAt: new Date() } : {}),
            } as typeof table.$inferInsert)
            .returning();
          await tx
            .delete(deletedDirectoryEntries)
            .where(and(eq(deletedDirectoryEntries.directory, tableName), eq(deletedDirectoryEntries.id, id)));
          return fromRow(row!);
        });
      } catch (error) {
        duplicateProblem(error, id, kept.entry.name);
      }
    },

    /** The demo's entries, each unless one with its id is there. */
    async seedDemo(): Promise<void> {
      for (const entry of descriptor.demo) {
        const id = String(entry.id);
        await db
          .insert(table)
          .values(storage.toRow(id, entry) as typeof table.$inferInsert)
          .onConflictDoNothing();
      }
    },
  };
}
export type DirectoryRepository = ReturnType<typeof createDirectoryRepository>;
