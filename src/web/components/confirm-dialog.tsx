import type { ConfirmDialogProps } from './confirm-dialog-content';
import { retryableLazy } from './lazy-part';

const load = () => import('./confirm-dialog-content');
const LazyConfirmDialog = retryableLazy(load, 'the dialog');

/** Fetches the dialogs' code once a screen has settled, so that the first one opens at once. */
export function prefetchConfirmDialog(): void {
  // A failure here is met again, and shown in place, when a dialog opens.
  load().catch(() => undefined);
}

/**
 * A question that needs an answer (see ConfirmDialogContent). Its code, with the dialog primitive's
 * focus trap and scroll lock, loads when a dialog first opens or once the screen has settled, not
 * before the screen is usable; closed, it renders nothing.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return props.open ? <LazyConfirmDialog {...props} /> : null;
}
