/**
 * Toasts without sonner on the first page: the toaster and its library load with the first toast.
 * Sonner drops toasts raised before its <Toaster> subscribed, so each waits for the host to mount.
 */
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

export function toasterMounted(): void {
  markMounted();
}

export function notify(kind: ToastKind, message: string): void {
  if (!requested) {
    requested = true;
    listeners.forEach((listener) => listener());
  }
  void Promise.all([import('sonner'), mounted]).then(([{ toast }]) => toast[kind](message));
}
