import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from '../../lib/history-router';
import { ErrorBoundary } from '../../components/error-boundary';
import { paths } from '../../../domain/screen-routes';
import { reportChunkFailure } from '../../lib/connection';

/** What a screen shows when it cannot be rendered: it threw, or its code failed to load (after a redeploy, say). */
function RouteError({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  // A screen's chunk that is gone (a redeploy) makes the header offer "Reload to update"; no answer at all, "Offline".
  useEffect(() => void reportChunkFailure(error), [error]);
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">This page could not be shown</p>
      <p className="state__detail">{message}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>{' '}
        <Link to={paths.bots()}>Go to the bots</Link>
      </p>
    </div>
  );
}

/**
 * Catches what a route throws in place of that route, so the screens around it stay usable. Going to another
 * address clears it. `page` is for the boundary above the layout: with no layout left, it brings its own <main>.
 */
export function RouteErrorBoundary({ page = false, children }: { page?: boolean; children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary
      resetKey={pathname}
      fallback={(error) =>
        page ? (
          <main className="app-main">
            <RouteError error={error} />
          </main>
        ) : (
          <RouteError error={error} />
        )
      }
    >
      {children}
    </ErrorBoundary>
  );
}
