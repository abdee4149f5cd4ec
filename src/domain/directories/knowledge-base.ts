import { z } from 'zod';
import { nameString } from '../names';
import { directoryIdSchema, directorySourceSchema, directoryUsageSchema } from './directory-usage';

/** KnowledgeAI's two kinds: content stored in KnowledgeAI, or searched in an external CMS through it. */
export const KNOWLEDGE_BASE_TYPES = ['internal', 'external'] as const;
export type KnowledgeBaseType = (typeof KNOWLEDGE_BASE_TYPES)[number];

const kbName = nameString('Knowledge base name')
  .trim()
  .min(1, 'Knowledge base name is required.')
  .max(255, 'Knowledge base name must be at most 255 characters.');
const kbType = z.enum(KNOWLEDGE_BASE_TYPES, { error: 'Type must be internal or external.' });
const language = z
  .string({ error: 'Language must be text such as en-US.' })
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Language must be a language tag such as en-US or fr.');

export const knowledgeBaseSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(KNOWLEDGE_BASE_TYPES),
  language: z.string(),
});
export type KnowledgeBase = z.infer<typeof knowledgeBaseSchema>;

export const knowledgeBaseEntrySchema = knowledgeBaseSchema.extend({ usedBy: z.array(directoryUsageSchema) });
export type KnowledgeBaseEntry = z.infer<typeof knowledgeBaseEntrySchema>;

export const knowledgeBaseListSchema = z.object({ items: z.array(knowledgeBaseEntrySchema), source: directorySourceSchema });

export const knowledgeBaseInputSchema = z.strictObject({
  id: directoryIdSchema('Knowledge base').optional(),
  name: kbName,
  type: kbType.default('internal'),
  language: language.default('en-US'),
});
export type KnowledgeBaseInput = z.output<typeof knowledgeBaseInputSchema>;

export const knowledgeBasePatchSchema = z
  .strictObject({ name: kbName.optional(), type: kbType.optional(), language: language.optional() })
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one of name, type or language.');
export type KnowledgeBasePatch = z.output<typeof knowledgeBasePatchSchema>;
