import { lazy, Suspense, useState, type ComponentType } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import type { History } from 'history';
import { NavigationHistoryRouter } from '../lib/history-router';
import { RootFallback, RootLayout } from './routes/root-layout';
import { RouteErrorBoundary } from './routes/route-error';
import { screenLoaders, type ScreenLoader } from './screen-loaders';

/**
 * A route's element: its screen loads as its own chunk (see screen-loaders), "Loading…" stands in
 * meanwhile, and a failure (a chunk gone after a redeploy, a render that throws) shows the error
 * screen in its place.
 */
function screen(loader: ScreenLoader) {
  // One lazy component per visit (location key): React.lazy keeps a failed load for good, and a
  // screen whose chunk failed must load when the user comes back to it. Within one visit it stays
  // the same, or React's retries after the failure would start a new load each time, forever.
  let visit: { key: string; Lazy: ComponentType } | null = null;
  const lazyFor = (key: string) => {
    if (visit?.key !== key) visit = { key, Lazy: lazy(() => loader.load().then((module) => ({ default: module.Component }))) };
    return visit.Lazy;
  };
  function Screen() {
    const { key } = useLocation();
    // A chunk already here (preload-route fetched it) renders at once: React.lazy would still show
    // "Loading…" first, and React holds back the content that replaces a fallback for up to 300 ms.
    // Chosen once per mount: switching from the lazy one to the module later would remount the screen.
    const [Shown] = useState(() => loader.loaded()?.Component ?? lazyFor(key));
    return <Shown />;
  }
  return (
    <RouteErrorBoundary>
      <Suspense fallback={<RootFallback />}>
        <Screen />
      </Suspense>
    </RouteErrorBoundary>
  );
}

const bots = screen(screenLoaders.bots);
const skills = screen(screenLoaders.skills);
const integrationsPanel = screen(screenLoaders['integrations-panel']);
const integrationsIndex = screen(screenLoaders['integrations-index']);
const integrationNew = screen(screenLoaders['integration-new']);
const integrationEdit = screen(screenLoaders['integration-edit']);
const notFound = screen(screenLoaders['not-found']);

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
