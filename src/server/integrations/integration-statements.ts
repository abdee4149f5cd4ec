import type { SQL } from 'drizzle-orm';
import type { IntegrationValues } from '../../domain/integration';
import type { Database } from '../db/database';
import { violatedUniqueConstraint } from '../db/errors';
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
