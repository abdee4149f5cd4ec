import { z } from 'zod';
import { nameString } from './names';
import { POSITIVE_ID_PATTERN } from './variable-reference';

/** The largest id a skill can have: Conversational Cloud's ids are positive longs (PostgreSQL bigint). */
const MAX_SKILL_ID = 9223372036854775807n;

/**
 * A skill id as the form takes it: digits, up to 19 of them, as text (a JSON number loses digits past 2^53).
 * A number is still accepted on input, for clients written when ids were numbers.
 */
export const skillIdSchema = z
  .union([z.string().trim(), z.number().int().positive().max(Number.MAX_SAFE_INTEGER).transform(String)], {
    error: 'Skill id must be a positive whole number, as Conversational Cloud shows it (for example 3402109730).',
  })
  .refine(
    (id) => POSITIVE_ID_PATTERN.test(id) && BigInt(id) <= MAX_SKILL_ID,
    'Skill id must be a positive whole number of up to 19 digits, as Conversational Cloud shows it (for example 3402109730).',
  );

/** A skill as Conversational Cloud's Skills API gives it: a positive long id (as text) and a unique name. */
export const skillSchema = z.object({
  id: z.string(),
  name: z.string(),
});
export type Skill = z.infer<typeof skillSchema>;

const skillName = nameString('Skill name').trim().min(1, 'Skill name is required.').max(255, 'Skill name must be at most 255 characters.');

export const skillInputSchema = z.strictObject({
  id: skillIdSchema,
  name: skillName,
});
export type SkillInput = z.infer<typeof skillInputSchema>;

export const skillPatchSchema = z.strictObject({ name: skillName });

export const skillQuerySchema = z.strictObject({
  q: z.string().max(200, 'q must be at most 200 characters.').optional(),
});
