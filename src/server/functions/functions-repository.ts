import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { matchesEntry } from '../../domain/directories/directory-usage';
import type { LpFunction, LpFunctionInput, LpFunctionPatch } from '../../domain/directories/lp-function';
import type { Database } from '../db/database';
import { violatedUniqueConstraint } from '../db/errors';
import { lpFunctions } from '../db/schema';
import { conflict, notFound } from '../errors';
import { inUseProblem } from '../directories/in-use';
import { findUsages, FUNCTION_REFERENCE } from '../directories/usages';

export const DEMO_FUNCTIONS: LpFunction[] = [
  { id: 'loyalty-points-lookup', name: 'Loyalty points lookup', description: "Reads the customer's loyalty balance.", state: 'Productive' },
  { id: 'order-refund-check', name: 'Order refund check', description: 'Decides whether an order can be refunded.', state: 'Draft' },
];

type Row = typeof lpFunctions.$inferSelect;
const toFunction = (row: Row): LpFunction => ({ ...row, state: row.state as LpFunction['state'] });

function duplicateProblem(error: unknown, id: string, name: string | undefined): never {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === 'lp_functions_pkey')
    throw conflict(`Function ${id} is already in the directory.`, { id: `Function id ${id} is already in the directory.` });
  if (constraint === 'lp_functions_name_unique') {
    throw conflict(`A function named "${name}" is already in the directory.`, {
      name: `Function name "${name}" is already used (names are unique, ignoring case).`,
    });
  }
  throw error;
}

export function createFunctionsRepository(db: Database) {
  return {
    async list(q?: string): Promise<LpFunction[]> {
      const rows = await db
        .select()
        .from(lpFunctions)
        .orderBy(asc(sql`lower(${lpFunctions.name})`));
      return rows.map(toFunction).filter((fn) => matchesEntry(fn, q));
    },

    async get(id: string): Promise<LpFunction> {
      const [row] = await db.select().from(lpFunctions).where(eq(lpFunctions.id, id));
      if (!row) throw notFound(`Function ${id}`);
      return toFunction(row);
    },

    async create(input: LpFunctionInput): Promise<LpFunction> {
      const id = input.id ?? randomUUID();
      try {
        const [row] = await db
          .insert(lpFunctions)
          .values({ ...input, id })
          .returning();
        return toFunction(row!);
      } catch (error) {
        duplicateProblem(error, id, input.name);
      }
    },

    async update(id: string, patch: LpFunctionPatch): Promise<LpFunction> {
      try {
        const [row] = await db.update(lpFunctions).set(patch).where(eq(lpFunctions.id, id)).returning();
        if (!row) throw notFound(`Function ${id}`);
        return toFunction(row);
      } catch (error) {
        duplicateProblem(error, id, patch.name);
      }
    },

    /** Refused while an integration calls the function; the check and the delete share a transaction. */
    async delete(id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(lpFunctions).where(eq(lpFunctions.id, id)).for('update');
        if (!row) throw notFound(`Function ${id}`);
        const usages = (await findUsages(tx, FUNCTION_REFERENCE, [id])).get(id) ?? [];
        if (usages.length > 0) throw inUseProblem(`Function "${row.name}"`, usages);
        await tx.delete(lpFunctions).where(eq(lpFunctions.id, id));
      });
    },

    async seedDemo(): Promise<void> {
      await db.insert(lpFunctions).values(DEMO_FUNCTIONS).onConflictDoNothing();
    },
  };
}
export type FunctionsRepository = ReturnType<typeof createFunctionsRepository>;
