import { render } from '@testing-library/react';
import { createMemoryHistory } from 'history';
import type { ReactElement } from 'react';
import { AppProvider } from '../app/provider';
import { AppRouter } from '../app/router';
import { NavigationHistoryRouter } from '../lib/history-router';
import { createQueryClient } from '../lib/query-client';

/** Renders the whole app (routes, providers) at a path, as a user would open it. */
export function renderApp(path: string) {
  const history = createMemoryHistory({ initialEntries: [path] });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  const view = render(
    <AppProvider queryClient={queryClient}>
      <AppRouter history={history} />
    </AppProvider>,
  );
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
