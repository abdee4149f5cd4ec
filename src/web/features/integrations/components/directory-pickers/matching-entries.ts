/** Search as the server does: part of the name (ignoring case) or the start of the id. */
export function matchingEntries<T extends { id: string; name: string }>(directory: readonly T[], text: string): readonly T[] {
  const needle = text.trim().toLowerCase();
  // A value that is exactly one entry (just picked, or loaded) offers every entry, so another can be picked.
  if (!needle || directory.some((entry) => entry.id === text.trim())) return directory;
  return directory.filter((entry) => entry.name.toLowerCase().includes(needle) || entry.id.toLowerCase().startsWith(needle));
}

const HAS_REFERENCE = /\{\$(botContext|env)\./;

/**
 * The entry a stored id names, and the warning when there is none. A warning, not an error: a bot may be
 * configured before its resources exist, so saving stays allowed. Variable references resolve at run time.
 */
export function lookUpEntry<T extends { id: string; name: string }>(
  directory: readonly T[] | undefined,
  value: string,
  noun: string,
): { entry: T | undefined; warning: string | undefined } {
  const id = value.trim();
  if (!directory || id === '' || HAS_REFERENCE.test(id)) return { entry: undefined, warning: undefined };
  const entry = directory.find((candidate) => candidate.id === id);
  if (entry) return { entry, warning: undefined };
  const byName = directory.find((candidate) => candidate.name.toLowerCase() === id.toLowerCase());
  return {
    entry: undefined,
    warning: `“${id}” is not in the ${noun} directory.${byName ? ` Did you mean “${byName.name}” (${byName.id})? Pick it from the list.` : ' Saving is allowed; the bot fails at run time until it exists.'}`,
  };
}
