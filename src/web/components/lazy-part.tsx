import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { errorMessage } from '../lib/api-client';
import { reportChunkFailure } from '../lib/connection';
import { ErrorBoundary } from './error-boundary';

/** A part whose code did not load, in its own place, with Retry. */
export function PartError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  // A missing chunk may mean a redeploy (then the header offers "Reload to update") or a server that is down.
  useEffect(() => void reportChunkFailure(error), [error]);
  return (
    <div className="part-error" role="alert" data-testid="part-error">
      <p className="part-error__title">Could not load {what}</p>
      <p className="part-error__detail">{errorMessage(error)}</p>
      <button type="button" className="button button--small" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

/**
 * A lazily loaded part of a screen (a panel, a dialog, the editor) whose failure stays in its own place:
 * an inline error with Retry instead of the error screen replacing the form around it. React.lazy keeps a
 * failed load for good, so Retry makes a new lazy component, which imports again.
 */
export function retryableLazy<Props extends object>(load: () => Promise<{ default: ComponentType<Props> }>, what: string) {
  let Lazy = lazy(load);
  function LazyPart({ fallback = null, ...props }: Props & { fallback?: ReactNode }) {
    const [attempt, setAttempt] = useState(0);
    return (
      <ErrorBoundary
        resetKey={attempt}
        fallback={(error) => (
          <PartError
            what={what}
            error={error}
            onRetry={() => {
              Lazy = lazy(load);
              setAttempt((count) => count + 1);
            }}
          />
        )}
      >
        <Suspense fallback={fallback}>
          <Lazy {...(props as unknown as Props)} />
        </Suspense>
      </ErrorBoundary>
    );
  }
  return LazyPart;
}
