/**
 * The writes this tab made, so that the live events they cause (the server tells every tab, this one
 * too) are not taken for someone else's: the tab has already put what it stored in its caches, and a
 * second round of refetches would compete with the "Saved" it is drawing. The event can arrive before
 * the write's own answer, so a write in flight is waited for.
 */

/** Versions this tab wrote, by record id; only the last few matter (events come within seconds). */
const written = new Map<string, number>();
const inFlight = new Map<string, Promise<unknown>>();
const REMEMBERED = 200;

function remember(id: string, version: number): void {
  written.delete(id);
  written.set(id, version);
  if (written.size > REMEMBERED) written.delete(written.keys().next().value!);
}

/** Follows a write of record `id` that answers the stored record (with its version). */
export function trackOwnWrite<T extends { id: string; version: number }>(id: string, write: Promise<T>): Promise<T> {
  const settled = write.then(
    (stored) => remember(stored.id, stored.version),
    () => undefined,
  );
  inFlight.set(id, settled);
  void settled.then(() => {
    if (inFlight.get(id) === settled) inFlight.delete(id);
  });
  return write;
}

/** Whether this tab wrote version `version` of record `id` (waiting for its write when one is under way). */
export async function isOwnWrite(id: string, version: number): Promise<boolean> {
  await inFlight.get(id);
  return written.get(id) === version;
}
