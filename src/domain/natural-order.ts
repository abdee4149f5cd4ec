/**
 * Names in natural order, as the bots list's API orders them ("Load bot 6" before "Load bot 59", case
 * ignored): what the web app uses to put a new bot where the server's next answer will have it.
 */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function compareNames(a: { name: string }, b: { name: string }): number {
  return collator.compare(a.name, b.name);
}
