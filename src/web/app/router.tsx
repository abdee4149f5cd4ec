import { lazy, Suspense, useState, type ComponentType, type ReactElement } from 'react';
import { Route, Switch } from 'wouter';
import type { History } from 'history';
import { NOT_FOUND_SCREEN, SCREEN_ROUTES, type ScreenName, type ScreenRoute } from '../../domain/screen-routes';
import { NavigationHistoryRouter, useLocation, WithOutlet } from '../lib/history-router';
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

const screens = Object.fromEntries(
  (Object.keys(screenLoaders) as ScreenName[]).map((name) => [name, screen(screenLoaders[name])]),
) as Record<ScreenName, ReactElement>;

/**
 * The table's routes as one flat list of full paths. A route with children is drawn as its layout with the
 * child's screen at its Outlet, and every child of one layout shares the layout's key: going from one child
 * to another keeps the layout mounted (the panel's list keeps its scroll and its filter).
 */
function routesOf(table: readonly ScreenRoute[]): ReactElement[] {
  return table.flatMap((route) => {
    const path = route.path ?? '/';
    if (!route.children)
      return [
        <Route key={path} path={path}>
          {screens[route.screen]}
        </Route>,
      ];
    return route.children.map((child) => (
      <Route key={path} path={child.path === undefined ? path : `${path}/${child.path}`}>
        <WithOutlet outlet={screens[child.screen]}>{screens[route.screen]}</WithOutlet>
      </Route>
    ));
  });
}

const routes = routesOf(SCREEN_ROUTES);

function AppRoutes() {
  return (
    // The layout itself failing leaves no <main> to show the error in: this one brings its own.
    <RouteErrorBoundary page>
      <WithOutlet
        outlet={
          <Switch>
            {routes}
            <Route>{screens[NOT_FOUND_SCREEN]}</Route>
          </Switch>
        }
      >
        <RootLayout />
      </WithOutlet>
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
