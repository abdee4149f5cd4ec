/**
 * Whether the server answers, and whether it serves a newer build than this tab's. The API client
 * reports every network failure and every answer; while the server is unreachable, /api/health is
 * asked again with backoff until it answers.
 */
import { flushDrafts } from './draft-flush';

interface ConnectionState {
  online: boolean;
  /** The server answered again after being unreachable: said until the user has had time to read it. */
  backOnline: boolean;
  /** The server serves another build than this tab's (its id on /api/health, or a chunk of ours is gone). */
  updateAvailable: boolean;
}

const OWN_BUILD: string | null = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : null;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
const BACK_ONLINE_SHOWN_MS = 8_000;
const UPDATE_CHECK_EVERY_MS = 5 * 60_000;

let state: ConnectionState = { online: true, backOnline: false, updateAvailable: false };
const listeners = new Set<() => void>();
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = FIRST_RETRY_MS;
let backOnlineTimer: ReturnType<typeof setTimeout> | undefined;

function update(next: Partial<ConnectionState>): void {
  const merged = { ...state, ...next };
  if (merged.online === state.online && merged.backOnline === state.backOnline && merged.updateAvailable === state.updateAvailable) return;
  state = merged;
  listeners.forEach((listener) => listener());
}

export const connectionState = () => state;

export function subscribeToConnection(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A request got no answer at all. */
export function reportNetworkFailure(): void {
  if (state.online) {
    clearTimeout(backOnlineTimer);
    update({ online: false, backOnline: false });
    retryDelay = FIRST_RETRY_MS;
    scheduleProbe();
  }
}

/** The server answered (any status: a 500 is still an answer). */
export function reportServerAnswer(): void {
  if (state.online) return;
  clearTimeout(retryTimer);
  retryTimer = undefined;
  update({ online: true, backOnline: true });
  backOnlineTimer = setTimeout(() => update({ backOnline: false }), BACK_ONLINE_SHOWN_MS);
}

function scheduleProbe(): void {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void probe(), retryDelay);
  retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS);
}

/** Asks /api/health: whether the server answers, and which build it serves. */
async function probe(): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/api/health', { cache: 'no-store', headers: { accept: 'application/json' } });
  } catch {
    if (!state.online) scheduleProbe();
    else reportNetworkFailure();
    return;
  }
  reportServerAnswer();
  if (!response.ok) return;
  const body = (await response.json().catch(() => null)) as { build?: unknown } | null;
  if (OWN_BUILD && typeof body?.build === 'string' && body.build !== OWN_BUILD) update({ updateAvailable: true });
}

/**
 * A chunk of this tab's code did not load. A 404 for it means the server no longer has this build;
 * no answer means the server (or the network) is down; otherwise the health check says which build runs.
 */
export async function reportChunkFailure(error: unknown): Promise<void> {
  const url = error instanceof Error ? /https?:\/\/\S+?\.(?:js|css)\b/.exec(error.message)?.[0] : undefined;
  if (url) {
    try {
      const answer = await fetch(url, { method: 'HEAD', cache: 'no-store' });
      reportServerAnswer();
      if (answer.status === 404) {
        update({ updateAvailable: true });
        return;
      }
    } catch {
      reportNetworkFailure();
      return;
    }
  }
  await probe();
}

/** "Reload to update": drafts are written first, so the reload loses no edit and asks nothing. */
export async function reloadToUpdate(): Promise<void> {
  await flushDrafts();
  reloadingOnPurpose = true;
  window.location.reload();
}

let reloadingOnPurpose = false;

// Ahead of the unsaved-changes guard's own listener (capture runs first on window): a reload the user
// asked for, with the drafts written, needs no "Leave site?" prompt.
function skipLeavePrompt(event: Event): void {
  if (reloadingOnPurpose) event.stopImmediatePropagation();
}

let started = false;

/** Listens to the browser's own online/offline events and checks for a newer build now and then. */
export function startConnectionChecks(): () => void {
  if (started) return () => undefined;
  started = true;
  const onOffline = () => reportNetworkFailure();
  const onOnline = () => void probe();
  const onVisible = () => {
    if (document.visibilityState === 'visible' && OWN_BUILD !== null) void probe();
  };
  window.addEventListener('beforeunload', skipLeavePrompt, { capture: true });
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  // Without a build id of its own (dev server, unit tests) the tab has nothing to compare.
  const interval = OWN_BUILD === null ? undefined : setInterval(() => void probe(), UPDATE_CHECK_EVERY_MS);
  return () => {
    started = false;
    window.removeEventListener('beforeunload', skipLeavePrompt, { capture: true });
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onVisible);
    clearInterval(interval);
  };
}

/** For tests: back to a fresh tab. */
export function resetConnectionForTests(): void {
  clearTimeout(retryTimer);
  clearTimeout(backOnlineTimer);
  retryTimer = undefined;
  retryDelay = FIRST_RETRY_MS;
  state = { online: true, backOnline: false, updateAvailable: false };
  listeners.forEach((listener) => listener());
}
