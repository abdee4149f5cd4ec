/**
 * Toasts without sonner on the first page: the toaster and its library load with the first toast.
 * Sonner drops toasts raised before its <Toaster> subscribed, so each waits for the host to mount.
 */
import type { toast } from 'sonner';

export type ToastKind = 'success' | 'info' | 'error';

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

export function toasterMounted(): void {
  markMounted();
}

export function notify(kind: ToastKind, message: string): void {
  if (ready) {
    // In the caller's own task: sonner shows it in the next one, ahead of work the caller starts after.
    ready[kind](message);
    return;
  }
  if (!requested) {
    requested = true;
    listeners.forEach((listener) => listener());
  }
  void Promise.all([import('sonner'), mounted]).then(([sonner]) => {
    ready = sonner.toast;
    sonner.toast[kind](message);
  });
}
