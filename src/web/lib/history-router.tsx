import { createContext, useContext, type ReactNode } from 'react';
import { unstable_HistoryRouter as HistoryRouter, type HistoryRouterProps } from 'react-router';
import type { History } from 'history';

// react-router's own blocker (useBlocker) needs its data router, which costs the first page about 16 KB gzip more
// than the declarative one; so the app runs on a history it can also block (lib/navigation-blocker), shared here.
const NavigationHistoryContext = createContext<History | null>(null);

// react-router types this prop with its own History: its Action enum spells the same strings as history's, and the
// createURL and encodeLocation it adds serve its data routers only (the declarative router does without them).
const asRouterHistory = (history: History) => history as unknown as HistoryRouterProps['history'];

/** react-router's declarative router on `history`, which the components inside may block through useNavigationHistory. */
export function NavigationHistoryRouter({ history, children }: { history: History; children: ReactNode }) {
  return (
    <NavigationHistoryContext.Provider value={history}>
      <HistoryRouter history={asRouterHistory(history)}>{children}</HistoryRouter>
    </NavigationHistoryContext.Provider>
  );
}

export function useNavigationHistory(): History {
  const history = useContext(NavigationHistoryContext);
  if (!history) throw new Error('useNavigationHistory must be used inside a NavigationHistoryRouter.');
  return history;
}
