import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { counterpartOf } from './counterpart';
import { retryableLazy } from './lazy-part';
import { useScreenSettled } from './use-screen-settled';
import type { SettledOptions } from '../lib/screen-settled';

interface DeferredModule<Module> {
  /** null until the screen has shown its data and the module has arrived; then at once, everywhere. */
  module: Module | null;
  failed: boolean;
  /** Loads it now, without waiting for the screen to settle (the user reached for it); again after a failure. */
  request: () => void;
}

/**
 * A module that a screen can be used without (menus, tooltips, a form beside the list): it loads once the
 * screen has shown its data (see whenScreenSettled), so it is never fetched ahead of what the screen needs.
 * The hook's component draws its own stand-in meanwhile; when the module arrives and the stand-in's control
 * that had focus is replaced, the new one takes the focus over. A failed load is tried again on the next mount.
 */
export function deferredModule<Module>(load: () => Promise<Module>, settledOptions: SettledOptions = {}): () => DeferredModule<Module> {
  let loaded: Module | null = null;
  let loading: Promise<Module> | null = null;
  const loadOnce = () =>
    (loading ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  return function useDeferredModule() {
    const [module, setModule] = useState<Module | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    const [requested, setRequested] = useState(false);
    const settled = useScreenSettled(module !== null, settledOptions) || requested;
    const focused = useRef<Element | null>(null);
    const stopFollowingFocus = useRef<() => void>(() => undefined);
    useEffect(() => {
      if (!settled || module !== null || failed) return undefined;
      let live = true;
      loadOnce().then(
        (arrived) => {
          if (!live) return;
          // The focus is followed from the arrival to the commit, not read once: React draws the module a
          // task or more later, and a user who reaches a control of the stand-in meanwhile (a click, Tab)
          // must find its counterpart focused, not the page.
          focused.current = document.activeElement;
          const follow = (event: FocusEvent) => {
            focused.current = event.target instanceof Element ? event.target : null;
          };
          document.addEventListener('focusin', follow);
          stopFollowingFocus.current = () => document.removeEventListener('focusin', follow);
          setModule(() => arrived);
        },
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [settled, module, failed]);
    useEffect(() => () => stopFollowingFocus.current(), []);
    useLayoutEffect(() => {
      stopFollowingFocus.current();
      stopFollowingFocus.current = () => undefined;
      const before = focused.current;
      focused.current = null;
      if (!before || before.isConnected) return;
      // Only a focus the swap itself lost is handed over: a user who moved on to another control between
      // the module's arrival and this commit (a click, Tab, the next field) keeps it where they put it.
      if (document.activeElement && document.activeElement !== document.body) return;
      const counterpart = counterpartOf(before);
      counterpart?.focus();
      // A text input replaced while typing keeps its caret where it was.
      if (before instanceof HTMLInputElement && counterpart instanceof HTMLInputElement && before.selectionStart !== null) {
        counterpart.setSelectionRange(before.selectionStart, before.selectionEnd);
      }
    }, [module]);
    // After a failed load, asking again tries again.
    const request = useCallback(() => {
      setRequested(true);
      setFailed(false);
    }, []);
    return { module, failed, request };
  };
}

/**
 * A deferred component (see deferredModule): its `placeholder`, the same markup made inert, shows until
 * its code is here. A failed load shows the part's own error with Retry, as retryableLazy does.
 */
export function deferredPart<Props extends object>(
  load: () => Promise<{ default: ComponentType<Props> }>,
  what: string,
  settledOptions: SettledOptions = {},
) {
  const useModule = deferredModule(load, settledOptions);
  const Retryable = retryableLazy(load, what);
  function DeferredPart({ placeholder, ...props }: Props & { placeholder: ReactNode }) {
    const { module, failed } = useModule();
    if (module) return <module.default {...(props as unknown as Props)} />;
    if (failed) return <Retryable {...(props as unknown as Props)} fallback={placeholder} />;
    return <>{placeholder}</>;
  }
  return DeferredPart;
}
