import {
  createContext,
  forwardRef,
  useCallback,
  useContext,
  useMemo,
  useSyncExternalStore,
  type ComponentProps,
  type ReactNode,
} from 'react';
import type { History, Location } from 'history';
import { Link as RouterLink, Router } from 'wouter';

// wouter rather than react-router: react-router's declarative mode weighed about 11 KB gzip of a form's 130 KB
// budget, wouter about 2 KB. The app runs it on a `history` it can also block (lib/navigation-blocker), shared here.
const NavigationHistoryContext = createContext<History | null>(null);

type NavigateOptions = { replace?: boolean; state?: unknown };
export type Navigate = (to: string, options?: NavigateOptions) => void;

/** Goes to an address of the app on `history`; `replace` keeps the current entry out of the back button's way. */
const navigatorOf =
  (history: History): Navigate =>
  (to, options) =>
    options?.replace ? history.replace(to, options.state) : history.push(to, options?.state);

/** wouter reads the address through a hook: this one reads `history`, so a blocked navigation never shows. */
function locationHookOf(history: History) {
  const subscribe = (onChange: () => void) => history.listen(onChange);
  const navigate = navigatorOf(history);
  const useHistoryLocation = (): [string, Navigate] => [useSyncExternalStore(subscribe, () => history.location.pathname), navigate];
  const useHistorySearch = () => useSyncExternalStore(subscribe, () => history.location.search);
  return Object.assign(useHistoryLocation, { searchHook: useHistorySearch });
}

/** The app's router on `history`, which the components inside may block through useNavigationHistory. */
export function NavigationHistoryRouter({ history, children }: { history: History; children: ReactNode }) {
  const hook = useMemo(() => locationHookOf(history), [history]);
  return (
    <NavigationHistoryContext.Provider value={history}>
      <Router hook={hook}>{children}</Router>
    </NavigationHistoryContext.Provider>
  );
}

export function useNavigationHistory(): History {
  const history = useContext(NavigationHistoryContext);
  if (!history) throw new Error('useNavigationHistory must be used inside a NavigationHistoryRouter.');
  return history;
}

/** Where the app is: pathname, search, the navigation's state, and a key that is new on every visit. */
export function useLocation(): Location {
  const history = useNavigationHistory();
  const subscribe = useCallback((onChange: () => void) => history.listen(onChange), [history]);
  return useSyncExternalStore(subscribe, () => history.location);
}

/** The app's navigate, the same function for as long as its history is. */
export function useNavigate(): Navigate {
  const history = useNavigationHistory();
  return useMemo(() => navigatorOf(history), [history]);
}

type LinkProps = Omit<ComponentProps<'a'>, 'href'> & { to: string; replace?: boolean; state?: unknown };

/** A link within the app: a plain click navigates in place, a modified or middle click is the browser's. */
export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link({ to, ...props }, ref) {
  return <RouterLink ref={ref} href={to} {...props} />;
});

// The address is that place, or a place within it: the Integrations tab stays current on an open integration.
const isWithin = (pathname: string, to: string) => pathname === to || pathname.startsWith(to.endsWith('/') ? to : `${to}/`);

/** A link to a place that can be current: marked aria-current="page" there (the styles and tests read that). */
export const NavLink = forwardRef<HTMLAnchorElement, LinkProps>(function NavLink(props, ref) {
  const { pathname } = useLocation();
  return <Link ref={ref} aria-current={isWithin(pathname.replace(/\/+$/, '') || '/', props.to) ? 'page' : undefined} {...props} />;
});

const OutletContext = createContext<ReactNode>(null);

/** Where a layout draws the screen within it. */
export const Outlet = () => <>{useContext(OutletContext)}</>;

/** A layout (children) drawing `outlet` at its Outlet. */
export function WithOutlet({ outlet, children }: { outlet: ReactNode; children: ReactNode }) {
  return <OutletContext.Provider value={outlet}>{children}</OutletContext.Provider>;
}

export { useParams, useSearchParams } from 'wouter';
