import type { ReactNode } from 'react';
import { errorMessage, isApiError } from '../lib/api-client';

type SkeletonShape = 'list' | 'form' | 'lines';

const SKELETON_ROWS: Record<SkeletonShape, number> = { list: 6, form: 4, lines: 3 };

/**
 * Something is on its way. Nothing shows for the first 150 ms (most answers come sooner, and a flash
 * of grey reads as flicker); after that, a skeleton in the shape of what is coming, so a slow network
 * never shows a blank page. The label is what a screen reader hears.
 */
export function LoadingState({ label, shape = 'lines' }: { label: string; shape?: SkeletonShape }) {
  return (
    <div className={`skeleton skeleton--${shape}`} role="status" aria-live="polite" data-testid="loading">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: SKELETON_ROWS[shape] }, (_, index) => (
        <span key={index} className="skeleton__row" aria-hidden="true">
          {shape === 'form' ? <span className="skeleton__label" /> : null}
          <span className="skeleton__bar" />
        </span>
      ))}
    </div>
  );
}

/** A failed request, said plainly, with a way to try again: never swallowed. */
export function ErrorState({
  title,
  error,
  onRetry,
  missing,
}: {
  title: string;
  error: unknown;
  onRetry: () => void;
  /**
   * What a 404 means here, in words: the server's detail names what it looked for by id, and no Retry
   * brings back what does not exist.
   */
  missing?: { title: string; detail: ReactNode };
}) {
  if (missing && isApiError(error) && error.status === 404) {
    return (
      <div className="state state--empty" data-testid="not-found-state">
        <h2 className="state__title">{missing.title}</h2>
        <p>{missing.detail}</p>
      </div>
    );
  }
  return (
    <div className="state state--error" role="alert" data-testid="error-state">
      <p className="state__title">{title}</p>
      <p className="state__detail">{errorMessage(error)}</p>
      <button type="button" className="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="state__title">{title}</p>
      {children}
    </div>
  );
}
