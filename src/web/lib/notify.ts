/**
 * Toasts without sonner on the first page: the toaster and its library load with the first toast.
 * Sonner drops toasts raised before its <Toaster> subscribed, so each waits for the host to mount.
 */
import type { toast } from 'sonner';

type ToastKind = 'success' | 'info' | 'error';

/** A button in the toast ("Undo"): the toast stays long enough to reach it by keyboard (sonner's Alt+T). */
interface ToastAction {
  label: string;
  onClick: () => void;
}

const ACTION_TOAST_MS = 10_000;

const listeners = new Set<() => void>();
let requested = false;
let markMounted: () => void = () => undefined;
const mounted = new Promise<void>((resolve) => {
  markMounted = resolve;
});

export function subscribeToToastRequests(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const toastsRequested = () => requested;

/** Sonner's toast() once its library is here and the toaster listens: toasts are raised at once. */
let ready: typeof toast | null = null;

/** The toaster is listening; with sonner's toast() (its chunk is here), toasts are raised at once from now on. */
export function toasterMounted(raise?: typeof toast): void {
  if (raise) ready = raise;
  markMounted();
}

/** The toasts asked for and not raised yet (the toaster's code is on its way). */
let pending: Promise<void> = Promise.resolve();

/** The next task, then the next frame, then the task after it: once a frame has been drawn. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    // A hidden tab draws no frames: the fallback keeps what waits from waiting until the tab is shown.
    const fallback = window.setTimeout(resolve, 100);
    window.setTimeout(() =>
      requestAnimationFrame(() =>
        window.setTimeout(() => {
          window.clearTimeout(fallback);
          resolve();
        }, 0),
      ),
    );
  });
}

/**
 * Resolves once the toasts raised so far have been drawn. Sonner renders a toast in a task of its own
 * (a timeout, then flushSync), so work started after notify() in the same task, a re-render of the form
 * or the list, would come first and hold the toast up: such work waits for this instead.
 */
export function afterToastsShown(): Promise<void> {
  // A toaster that never comes (its chunk failed) must not hold the work up for good.
  const atMost = new Promise<void>((resolve) => window.setTimeout(resolve, 500));
  return Promise.race([pending, atMost]).then(afterNextPaint);
}

/** The toast last raised for each kind and message: the next one like it takes its place. */
const shownLast = new Map<string, string | number>();

/** Raises a toast; one with the same kind and message still on screen goes (five saves say "Saved" once, not five times). */
function raise(show: typeof toast, kind: ToastKind, message: string, action?: ToastAction): void {
  const key = `${kind}\n${message}`;
  const before = shownLast.get(key);
  if (before !== undefined) show.dismiss(before);
  shownLast.set(key, action ? show[kind](message, { action, duration: ACTION_TOAST_MS }) : show[kind](message));
}

export function notify(kind: ToastKind, message: string, action?: ToastAction): void {
  if (ready) {
    // In the caller's own task: sonner shows it in the next one, ahead of work the caller starts after.
    raise(ready, kind, message, action);
    return;
  }
  if (!requested) {
    requested = true;
    listeners.forEach((listener) => listener());
  }
  pending = Promise.all([import('sonner'), mounted]).then(
    ([sonner]) => {
      ready = sonner.toast;
      raise(sonner.toast, kind, message, action);
    },
    // Without the toaster's code there are no toasts; every screen also shows its own state.
    () => undefined,
  );
}
