/**
 * Runs a task when the browser has nothing better to do (a timeout where requestIdleCallback is
 * missing, as in Safari). Returns the cancel function, ready for a useEffect cleanup.
 */
export function whenIdle(task: () => void, fallbackDelayMs = 500): () => void {
  if (window.requestIdleCallback) {
    const handle = window.requestIdleCallback(() => task());
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, fallbackDelayMs);
  return () => window.clearTimeout(handle);
}
