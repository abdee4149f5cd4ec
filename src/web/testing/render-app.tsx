import { render } from '@testing-library/react';
import { createMemoryHistory } from 'history';
import { AppProvider } from '../app/provider';
import { AppRouter } from '../app/router';
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
