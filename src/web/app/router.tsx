import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router';
import type { History } from 'history';
import { NavigationHistoryRouter } from '../lib/history-router';
import { RootFallback, RootLayout } from './routes/root-layout';
import { RouteErrorBoundary } from './routes/route-error';

/**
 * A route's element: its screen loads as its own chunk (the bots page does not carry the form, and nothing carries
 * Monaco until the editor shows), "Loading…" stands in meanwhile, and a failure (a chunk gone after a redeploy, a
 * render that throws) shows the error screen in its place.
 */
function screen(load: () => Promise<{ Component: ComponentType }>) {
  const Screen = lazy(() => load().then((module) => ({ default: module.Component })));
  return (
    <RouteErrorBoundary>
      <Suspense fallback={<RootFallback />}>
        <Screen />
      </Suspense>
    </RouteErrorBoundary>
  );
}

const bots = screen(() => import('./routes/bots'));
const skills = screen(() => import('./routes/skills'));
const integrationsPanel = screen(() => import('./routes/integrations-panel'));
const integrationsIndex = screen(() => import('./routes/integrations-index'));
const integrationNew = screen(() => import('./routes/integration-new'));
const integrationEdit = screen(() => import('./routes/integration-edit'));
const notFound = screen(() => import('./routes/not-found'));

export function AppRoutes() {
  return (
    // The layout itself failing leaves no <main> to show the error in: this one brings its own.
    <RouteErrorBoundary page>
      <Routes>
        <Route path="/" element={<RootLayout />}>
          <Route index element={bots} />
          <Route path="skills" element={skills} />
          <Route path="bots/:botId/integrations" element={integrationsPanel}>
            <Route index element={integrationsIndex} />
            <Route path="new" element={integrationNew} />
            <Route path=":integrationId" element={integrationEdit} />
          </Route>
          <Route path="*" element={notFound} />
        </Route>
      </Routes>
    </RouteErrorBoundary>
  );
}

/** The app's routes on `history`, which components may also block (see lib/navigation-blocker). */
export function AppRouter({ history }: { history: History }) {
  return (
    <NavigationHistoryRouter history={history}>
      <AppRoutes />
    </NavigationHistoryRouter>
  );
}
