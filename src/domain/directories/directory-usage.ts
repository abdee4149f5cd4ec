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

/** Search by part of the name (ignoring case) or by the start of the id, like the skill directory. */
export function matchesEntry(entry: { id: string; name: string }, q: string | undefined): boolean {
  if (!q) return true;
  const needle = q.trim().toLowerCase();
  return entry.name.toLowerCase().includes(needle) || entry.id.toLowerCase().startsWith(needle);
}

/** An entry as every directory's routes answer it: its fields, its version when local, who uses it when known. */
export interface DirectoryEntry {
  id: string;
  name: string;
  /** Absent for an entry read from the LivePerson account, which cannot be changed here. */
  version?: number;
  usedBy?: DirectoryUsage[];
  [field: string]: unknown;
}

export interface DirectoryPage {
  items: DirectoryEntry[];
  /** Absent for a directory that is always local (credentials). */
  source?: DirectorySource;
  /** For a list read from LivePerson: when it was read (ISO), and whether it is older than a refresh should have left it. */
  fetchedAt?: string;
  stale?: boolean;
}

/** "Last read from LivePerson 5 minutes ago": how old a list the servers kept after LivePerson failed is. */
export function lastReadText(fetchedAt: string, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(fetchedAt)) / 60_000));
  if (minutes === 0) return 'Last read from LivePerson less than a minute ago';
  return `Last read from LivePerson ${minutes} minute${minutes === 1 ? '' : 's'} ago`;
}
