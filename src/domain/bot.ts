import { z } from 'zod';
import { nameString } from './names';

const botName = nameString('Bot name').trim().min(1, 'Bot name is required.').max(100, 'Bot name must be at most 100 characters.');
const botDescription = z.string().max(1000, 'Description must be at most 1,000 characters.');

export const botInputSchema = z.strictObject({ name: botName, description: botDescription.default('') });
export type BotInput = z.input<typeof botInputSchema>;

// No defaults here: a field left out of a PATCH keeps its stored value.
export const botPatchSchema = z.strictObject({
  name: botName.optional(),
  description: botDescription.optional(),
  /** The environment its `{$env.NAME}` references resolve in; null for none. */
  environmentId: z.uuid('environmentId must be the id of an environment, or null.').nullable().optional(),
});
export type BotPatch = z.input<typeof botPatchSchema>;

export const botSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  environmentId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().positive(),
});
export type Bot = z.infer<typeof botSchema>;
