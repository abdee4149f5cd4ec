/** Names compared as people read them: case, Unicode form and outer spaces aside. */
export const comparableName = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase();

/** "Name (2)", "Name (3)"…: the first that none of `taken` has, for a second bot of a name that exists. */
export function freeName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map(comparableName));
  const base = name.trim().replace(/ \(\d+\)$/, '');
  for (let count = 2; ; count += 1) {
    const candidate = `${base} (${count})`;
    if (!used.has(comparableName(candidate))) return candidate;
  }
}
