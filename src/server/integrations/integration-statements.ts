import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { IntegrationValues } from '../../domain/integration';
import type { Database } from '../db/database';
import { violatedUniqueConstraint } from '../db/errors';
import { readPaged } from '../db/paged-read';
import { integrations } from '../db/schema';
import { conflict } from '../errors';
import { fromStoredRow, type IntegrationRow, type StoredIntegrationRow } from './integration-rows';

/** Turns a unique-index violation into the 409 that names the field (the index is the source of truth). */
export function duplicateProblem(error: unknown, values: IntegrationValues): never {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === 'integrations_bot_name_unique') {
    throw conflict(`This bot already has an integration named "${values.name}" (names are compared ignoring case).`, {
      name: `Integration Name "${values.name}" is already used in this bot (ignoring case): choose another name.`,
    });
  }
  if (constraint === 'integrations_bot_rdv_unique') {
    throw conflict(`This bot already has an integration whose response data variable is "${values.responseDataVariable}".`, {
      responseDataVariable: `Response Data Variable Name "${values.responseDataVariable}" is already used in this bot (it becomes the bot variable api_${values.responseDataVariable}): choose another.`,
    });
  }
  throw error;
}

/**
 * The rows of a statement written in SQL. A save's statements run inside its transaction, where drizzle
 * cannot use a statement built once: its query builder rebuilt each one per request, a fifth of a PUT's
 * CPU in a profile (most of it drizzle checking every chunk's class), against a few chunks for these.
 * Both drivers answer `{ rows }`, which drizzle's types leave as unknown for a database of either.
 */
export async function storedRows(tx: Database, statement: SQL): Promise<IntegrationRow[]> {
  const result = (await tx.execute(statement)) as unknown as { rows: StoredIntegrationRow[] };
  return result.rows.map(fromStoredRow);
}

/** The versions a write written in SQL answers (`returning version`), one per row it wrote. */
export async function writtenVersions(tx: Database, statement: SQL): Promise<number[]> {
  const result = (await tx.execute(statement)) as unknown as { rows: Array<{ version: number }> };
  return result.rows.map((row) => row.version);
}

const nameKey = sql<string>`lower(${integrations.name})`;

/**
 * Every integration of a bot in the list's order (by name ignoring case, which is unique in a bot), each
 * row mapped by `map`, read a page at a time: a bot may hold 5,000 of them.
 */
export function readBotIntegrations<T>(tx: Database, botId: string, map: (row: IntegrationRow) => T): Promise<T[]> {
  return readPaged(
    (after: string | undefined, limit) =>
      tx
        .select({ row: integrations, nameKey })
        .from(integrations)
        .where(and(eq(integrations.botId, botId), after === undefined ? undefined : gt(nameKey, after)))
        .orderBy(asc(nameKey))
        .limit(limit),
    (page) => page.nameKey,
    (page) => map(page.row),
  );
}
