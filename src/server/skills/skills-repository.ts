import { asc, eq, sql } from 'drizzle-orm';
import type { Skill, SkillInput } from '../../domain/skill';
import type { Database } from '../db/database';
import { violatedUniqueConstraint } from '../db/errors';
import { skills } from '../db/schema';
import { conflict, notFound } from '../errors';

export const DEMO_SKILLS: Skill[] = [
  { id: '3402109730', name: 'Customer Care' },
  { id: '3402109731', name: 'Billing' },
  { id: '3402109732', name: 'Sales' },
  { id: '3402109733', name: 'Technical Support' },
];

/** Search by part of the name (ignoring case) or by the start of the id. */
export function matchesSkill(skill: Skill, q: string | undefined): boolean {
  if (!q) return true;
  const needle = q.trim().toLowerCase();
  return skill.name.toLowerCase().includes(needle) || skill.id.startsWith(needle);
}

type SkillRow = typeof skills.$inferSelect;
const fromRow = (row: SkillRow): Skill => ({ id: String(row.id), name: row.name });
const toRow = (skill: Skill): SkillRow => ({ id: BigInt(skill.id), name: skill.name });

function duplicateProblem(error: unknown, input: SkillInput): never {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === 'skills_pkey') {
    throw conflict(`Skill ${input.id} is already in the directory.`, { id: `Skill id ${input.id} is already in the directory.` });
  }
  if (constraint === 'skills_name_unique') {
    throw conflict(`A skill named "${input.name}" is already in the directory.`, {
      name: `Skill name "${input.name}" is already used (names are unique, ignoring case).`,
    });
  }
  throw error;
}

export function createSkillsRepository(db: Database) {
  return {
    async list(q?: string): Promise<Skill[]> {
      const rows = await db
        .select()
        .from(skills)
        .orderBy(asc(sql`lower(${skills.name})`));
      return rows.map(fromRow).filter((skill) => matchesSkill(skill, q));
    },

    async create(input: SkillInput): Promise<Skill> {
      try {
        const [row] = await db.insert(skills).values(toRow(input)).returning();
        return fromRow(row!);
      } catch (error) {
        duplicateProblem(error, input);
      }
    },

    async rename(id: string, name: string): Promise<Skill> {
      try {
        const [row] = await db
          .update(skills)
          .set({ name })
          .where(eq(skills.id, BigInt(id)))
          .returning();
        if (!row) throw notFound(`Skill ${id}`);
        return fromRow(row);
      } catch (error) {
        duplicateProblem(error, { id, name });
      }
    },

    async delete(id: string): Promise<void> {
      const deleted = await db
        .delete(skills)
        .where(eq(skills.id, BigInt(id)))
        .returning({ id: skills.id });
      if (deleted.length === 0) throw notFound(`Skill ${id}`);
    },

    async seedDemo(): Promise<void> {
      await db.insert(skills).values(DEMO_SKILLS.map(toRow)).onConflictDoNothing();
    },
  };
}
export type SkillsRepository = ReturnType<typeof createSkillsRepository>;
