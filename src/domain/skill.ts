import { z } from 'zod';
import { nameString } from './names';

/** A LiveEngage skill as the Skills API gives it: a positive long id and a unique name. */
export const skillSchema = z.object({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  name: z.string(),
});
export type Skill = z.infer<typeof skillSchema>;

const skillName = nameString('Skill name')
  .trim()
  .min(1, 'Skill name is required.')
  .max(255, 'Skill name must be at most 255 characters.');

export const skillInputSchema = z.strictObject({
  id: z
    .number({ error: 'Skill id must be a positive whole number, as LiveEngage shows it (for example 3402109730).' })
    .int('Skill id must be a positive whole number.')
    .positive('Skill id must be a positive whole number.')
    .max(Number.MAX_SAFE_INTEGER, 'Skill id is too large.'),
  name: skillName,
});
export type SkillInput = z.infer<typeof skillInputSchema>;

export const skillPatchSchema = z.strictObject({ name: skillName });

export const skillQuerySchema = z.strictObject({
  q: z.string().max(200, 'q must be at most 200 characters.').optional(),
});
