import type { ImportProblem } from '../../domain/import-plan';

/** What the duplicate check reads of a planned entry: its values once valid, and where its problems go. */
interface PlannedEntry {
  sourceName: string;
  values: { name: string; responseDataVariable: string } | null;
  problems: ImportProblem[];
}

/** What it reads of the file's entry: the raw input (a name may be there though invalid) and its path in the file. */
interface CandidateEntry {
  input: Record<string, unknown>;
  sourcePath: (path: ReadonlyArray<PropertyKey>) => string;
}

/** Names (ignoring case, like the database) and response data variables must be unique within the bot. */
export function reportDuplicates(planned: PlannedEntry[], candidates: CandidateEntry[]): void {
  const firstName = new Map<string, number>();
  const firstVariable = new Map<string, number>();
  planned.forEach((item, index) => {
    const input = candidates[index]!.input;
    const name = item.values?.name ?? (typeof input.name === 'string' ? input.name : undefined);
    const variable = item.values?.responseDataVariable;
    const sourcePath = candidates[index]!.sourcePath;
    if (name !== undefined && name !== '') {
      const first = firstName.get(name.toLowerCase());
      if (first === undefined) firstName.set(name.toLowerCase(), index);
      else {
        item.problems.push({
          path: 'name',
          sourcePath: sourcePath(['name']),
          message: `Integration Name "${name}" is also used by "${planned[first]!.sourceName}" (entry ${first + 1}) in this file; names must be unique in a bot, ignoring case.`,
        });
      }
    }
    if (variable !== undefined) {
      const first = firstVariable.get(variable);
      if (first === undefined) firstVariable.set(variable, index);
      else {
        item.problems.push({
          path: 'responseDataVariable',
          sourcePath: sourcePath(['responseDataVariable']),
          message: `Response Data Variable Name "${variable}" is also used by "${planned[first]!.sourceName}" (entry ${first + 1}) in this file; each becomes the bot variable api_${variable}, so they must be unique.`,
        });
      }
    }
  });
}
