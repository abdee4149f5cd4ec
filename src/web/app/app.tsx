import { createBrowserHistory } from 'history';
import { createQueryClient } from '../lib/query-client';
import { preloadRoute } from './preload-route';
import { AppProvider } from './provider';
import { AppRouter } from './router';

// history's own browser history: its block() lets the unsaved-changes guard hold back navigation.
const history = createBrowserHistory();
const queryClient = createQueryClient();

/** The first screen's chunks (and its data, in the background) are on their way as this module runs. */
export const firstScreenLoaded = preloadRoute(queryClient, history.location.pathname);

export function App() {
  return (
    <AppProvider queryClient={queryClient}>
      <AppRouter history={history} />
    </AppProvider>
  );
}
