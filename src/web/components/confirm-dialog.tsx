import type { ConfirmDialogProps } from './confirm-dialog-content';
import { retryableLazy } from './lazy-part';

const load = () => import('./confirm-dialog-content');
const LazyConfirmDialog = retryableLazy(load, 'the dialog');

/**
 * A question that needs an answer (see ConfirmDialogContent). Its code, with the dialog primitive's
 * focus trap and scroll lock, loads when a dialog first opens, not before the screen is usable;
 * closed, it renders nothing.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return props.open ? <LazyConfirmDialog {...props} /> : null;
}
