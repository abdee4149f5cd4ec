import { z } from 'zod';

/** One integration that refers to a directory entry (a credential, a function, a knowledge base). */
export const directoryUsageSchema = z.object({
  botId: z.uuid(),
  botName: z.string(),
  integrationId: z.uuid(),
  integrationName: z.string(),
});
export type DirectoryUsage = z.infer<typeof directoryUsageSchema>;

/** Where a directory list comes from: the panel's own table, or the LivePerson account's API (read-only). */
export const directorySourceSchema = z.enum(['local', 'liveperson']);
export type DirectorySource = z.infer<typeof directorySourceSchema>;

export const directoryQuerySchema = z.strictObject({
  q: z.string().max(200, 'q must be at most 200 characters.').optional(),
});

/** An entry id as LivePerson gives it (lambda UUIDs, knowledge base ids) or as typed for a local entry. */
export const directoryIdSchema = (label: string) =>
  z
    .string({ error: `${label} id must be text.` })
    .trim()
    .min(1, `${label} id is required.`)
    .max(128, `${label} id must be at most 128 characters.`)
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/,
      `${label} id may hold letters, digits, "_", ".", ":" and "-", starting with a letter or digit.`,
    );

/** Search by part of the name (ignoring case) or by the start of the id, like the skill directory. */
export function matchesEntry(entry: { id: string; name: string }, q: string | undefined): boolean {
  if (!q) return true;
  const needle = q.trim().toLowerCase();
  return entry.name.toLowerCase().includes(needle) || entry.id.toLowerCase().startsWith(needle);
}
