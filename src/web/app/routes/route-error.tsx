import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Something went wrong.';
  return (
    <main className="app-main">
      <div className="state state--error" role="alert">
        <p className="state__title">This page could not be shown</p>
        <p className="state__detail">{message}</p>
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>{' '}
          <Link to="/">Go to the bots</Link>
        </p>
      </div>
    </main>
  );
}
