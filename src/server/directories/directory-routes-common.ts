import { z } from 'zod';
import type { DirectoryUsage } from '../../domain/directories/directory-usage';
import { HttpProblem } from '../http/problems';

export const entryParams = z.strictObject({
  id: z.string().min(1, 'id is required.').max(128, 'id must be at most 128 characters.'),
});

/** The LivePerson account owns the list: the app shows it and does not change it. */
export function readOnlyProblem(what: string, setting: string): HttpProblem {
  return new HttpProblem(
    409,
    'Conflict',
    `The ${what} directory is read from the LivePerson account (${setting} is set): change it there.`,
  );
}

export function withUsages<T extends { id: string }>(
  items: T[],
  usages: Map<string, DirectoryUsage[]>,
): Array<T & { usedBy: DirectoryUsage[] }> {
  return items.map((item) => ({ ...item, usedBy: usages.get(item.id) ?? [] }));
}

/** Upstream lists come in their own order; the app shows every directory by name, as the local tables are read. */
export const byName = (a: { name: string }, b: { name: string }) => a.name.toLowerCase().localeCompare(b.name.toLowerCase());
