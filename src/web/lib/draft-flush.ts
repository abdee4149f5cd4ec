/**
 * Pending draft writes of the forms on screen. Reloading on purpose ("Reload to update") writes them
 * first: a reload does not wait for a debounce.
 */
const flushers = new Set<() => Promise<void>>();

export function registerDraftFlusher(flush: () => Promise<void>): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

export async function flushDrafts(): Promise<void> {
  await Promise.all([...flushers].map((flush) => flush().catch(() => undefined)));
}
