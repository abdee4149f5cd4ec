import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { matchesEntry } from '../../domain/directories/directory-usage';
import type { KnowledgeBase, KnowledgeBaseInput, KnowledgeBasePatch } from '../../domain/directories/knowledge-base';
import type { Database } from '../db/database';
import { violatedUniqueConstraint } from '../db/errors';
import { knowledgeBases } from '../db/schema';
import { conflict, notFound } from '../errors';
import { inUseProblem } from '../directories/in-use';
import { findUsages, KNOWLEDGE_BASE_REFERENCE } from '../directories/usages';

export const DEMO_KNOWLEDGE_BASES: KnowledgeBase[] = [
  { id: 'customer-care-faq', name: 'Customer Care FAQ', type: 'internal', language: 'en-US' },
  { id: 'product-manuals', name: 'Product manuals', type: 'external', language: 'en-US' },
];

type Row = typeof knowledgeBases.$inferSelect;
const toKnowledgeBase = (row: Row): KnowledgeBase => ({ ...row, type: row.type as KnowledgeBase['type'] });

function duplicateProblem(error: unknown, id: string, name: string | undefined): never {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === 'knowledge_bases_pkey') {
    throw conflict(`Knowledge base ${id} is already in the directory.`, { id: `Knowledge base id ${id} is already in the directory.` });
  }
  if (constraint === 'knowledge_bases_name_unique') {
    throw conflict(`A knowledge base named "${name}" is already in the directory.`, {
      name: `Knowledge base name "${name}" is already used (names are unique, ignoring case).`,
    });
  }
  throw error;
}

export function createKnowledgeBasesRepository(db: Database) {
  return {
    async list(q?: string): Promise<KnowledgeBase[]> {
      const rows = await db
        .select()
        .from(knowledgeBases)
        .orderBy(asc(sql`lower(${knowledgeBases.name})`));
      return rows.map(toKnowledgeBase).filter((kb) => matchesEntry(kb, q));
    },

    async get(id: string): Promise<KnowledgeBase> {
      const [row] = await db.select().from(knowledgeBases).where(eq(knowledgeBases.id, id));
      if (!row) throw notFound(`Knowledge base ${id}`);
      return toKnowledgeBase(row);
    },

    async create(input: KnowledgeBaseInput): Promise<KnowledgeBase> {
      const id = input.id ?? randomUUID();
      try {
        const [row] = await db
          .insert(knowledgeBases)
          .values({ ...input, id })
          .returning();
        return toKnowledgeBase(row!);
      } catch (error) {
        duplicateProblem(error, id, input.name);
      }
    },

    async update(id: string, patch: KnowledgeBasePatch): Promise<KnowledgeBase> {
      try {
        const [row] = await db.update(knowledgeBases).set(patch).where(eq(knowledgeBases.id, id)).returning();
        if (!row) throw notFound(`Knowledge base ${id}`);
        return toKnowledgeBase(row);
      } catch (error) {
        duplicateProblem(error, id, patch.name);
      }
    },

    /** Refused while a KnowledgeAI integration searches it; the check and the delete share a transaction. */
    async delete(id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(knowledgeBases).where(eq(knowledgeBases.id, id)).for('update');
        if (!row) throw notFound(`Knowledge base ${id}`);
        const usages = (await findUsages(tx, KNOWLEDGE_BASE_REFERENCE, [id])).get(id) ?? [];
        if (usages.length > 0) throw inUseProblem(`Knowledge base "${row.name}"`, usages);
        await tx.delete(knowledgeBases).where(eq(knowledgeBases.id, id));
      });
    },

    async seedDemo(): Promise<void> {
      await db.insert(knowledgeBases).values(DEMO_KNOWLEDGE_BASES).onConflictDoNothing();
    },
  };
}
export type KnowledgeBasesRepository = ReturnType<typeof createKnowledgeBasesRepository>;
