import { useEffect, useRef, type ReactNode } from 'react';
import type { Failure } from '../lib/failure';

interface ActionFailureProps {
  failure: Failure;
  /** Omitted where trying the same request again cannot help (the fields need fixing first). */
  onRetry?: () => void;
  retrying?: boolean;
  testId?: string;
  /** false when the focus has a better place (the first field the server rejected). */
  takeFocus?: boolean;
  children?: ReactNode;
}

/**
 * A failed action, said next to the button that started it. It takes the focus when it appears (and
 * when a new failure replaces it), so a keyboard or screen reader user is where the news is.
 */
export function ActionFailure({ failure, onRetry, retrying = false, testId, takeFocus = true, children }: ActionFailureProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [failure, takeFocus]);
  return (
    <div ref={ref} className={`action-failure action-failure--${failure.kind}`} role="alert" tabIndex={-1} data-testid={testId}>
      <p className="action-failure__title">{failure.title}</p>
      {failure.detail ? <p className="action-failure__detail">{failure.detail}</p> : null}
      {children}
      {onRetry ? (
        <button type="button" className="button button--small" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      ) : null}
    </div>
  );
}
