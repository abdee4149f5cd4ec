import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes, unstable_HistoryRouter as HistoryRouter, type HistoryRouterProps } from 'react-router';
import type { History } from 'history';
import { NavigationHistoryContext } from '../lib/navigation-blocker';
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

// react-router types this prop with its own History: its Action enum spells the same strings as history's, and the
// createURL and encodeLocation it adds serve its data routers only (the declarative router does without them).
const asRouterHistory = (history: History) => history as unknown as HistoryRouterProps['history'];

/** The app's routes on `history`, which components may also block (see lib/navigation-blocker). */
export function AppRouter({ history }: { history: History }) {
  return (
    <NavigationHistoryContext.Provider value={history}>
      <HistoryRouter history={asRouterHistory(history)}>
        <AppRoutes />
      </HistoryRouter>
    </NavigationHistoryContext.Provider>
  );
}
