import { createBrowserRouter, type RouteObject } from 'react-router';
import { RootLayout, RootFallback } from './routes/root-layout';
import { RouteError } from './routes/route-error';

// Each screen is its own chunk: the bots page does not carry the form, and nothing carries Monaco until the editor shows.
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: RootLayout,
    HydrateFallback: RootFallback,
    ErrorBoundary: RouteError,
    children: [
      { index: true, lazy: () => import('./routes/bots') },
      { path: 'skills', lazy: () => import('./routes/skills') },
      {
        path: 'bots/:botId/integrations',
        lazy: () => import('./routes/integrations-panel'),
        children: [
          { index: true, lazy: () => import('./routes/integrations-index') },
          { path: 'new', lazy: () => import('./routes/integration-new') },
          { path: ':integrationId', lazy: () => import('./routes/integration-edit') },
        ],
      },
      { path: '*', lazy: () => import('./routes/not-found') },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
