import { render } from '@testing-library/react';
import { createMemoryHistory } from 'history';
import type { ReactElement, ReactNode } from 'react';
import { AppProvider } from '../app/provider';
import { AppRouter } from '../app/router';
import { NavigationHistoryRouter } from '../lib/history-router';
import { createQueryClient } from '../lib/query-client';

/**
 * Renders the whole app (routes, providers) at a path, as a user would open it. `wrap` puts something around
 * it (a Profiler), `container` is the element it is rendered into.
 */
export function renderApp(path: string, { wrap, container }: { wrap?: (app: ReactNode) => ReactNode; container?: HTMLElement } = {}) {
  const history = createMemoryHistory({ initialEntries: [path] });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  const app = (
    <AppProvider queryClient={queryClient}>
      <AppRouter history={history} />
    </AppProvider>
  );
  const view = render(wrap ? wrap(app) : app, container ? { container } : {});
  return { ...view, history, queryClient };
}

/** Renders one part of a screen inside the app's providers and a router at a path, for tests of that part alone. */
export function renderInApp(element: ReactElement, path: string) {
  return render(
    <AppProvider queryClient={createQueryClient()}>
      <NavigationHistoryRouter history={createMemoryHistory({ initialEntries: [path] })}>{element}</NavigationHistoryRouter>
    </AppProvider>,
  );
}
