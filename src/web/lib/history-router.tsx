import {
  createContext,
  forwardRef,
  memo,
  startTransition,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
  type ComponentProps,
  type ReactNode,
} from 'react';
import type { History, Location } from 'history';
import { Link as RouterLink, Router } from 'wouter';

// wouter rather than react-router: react-router's declarative mode weighed about 11 KB gzip of a form's 130 KB
// budget, wouter about 2 KB. The app runs it on a `history` it can also block (lib/navigation-blocker), shared here.
const NavigationHistoryContext = createContext<History | null>(null);
// The location the screen shows, which may be a moment behind history's while the next screen renders.
const ShownLocationContext = createContext<Location | null>(null);

type NavigateOptions = { replace?: boolean; state?: unknown };
type Navigate = (to: string, options?: NavigateOptions) => void;

/** Goes to an address of the app on `history`; `replace` keeps the current entry out of the back button's way. */
const navigatorOf =
  (history: History): Navigate =>
  (to, options) =>
    options?.replace ? history.replace(to, options.state) : history.push(to, options?.state);

/** wouter reads the address through a hook: this one reads the location shown, so a blocked navigation never shows. */
function locationHookOf(history: History) {
  const navigate = navigatorOf(history);
  const useHistoryLocation = (): [string, Navigate] => [useShownLocation().pathname, navigate];
  const useHistorySearch = () => useShownLocation().search;
  return Object.assign(useHistoryLocation, { searchHook: useHistorySearch });
}

/**
 * history's location as state. A move to another path renders in a transition: the click (or key) that
 * asked for it returns at once and the browser paints, then the old screen leaves and the next one renders
 * in slices, without holding the input up (a list row's click unmounted a 100-row form and its editor
 * inside the click). A change of the search or the state alone (a filter typed into the address) is shown
 * at once, as the input that made it is.
 */
function useShownLocationOf(history: History): Location {
  const [shown, setShown] = useState(history.location);
  useLayoutEffect(() => {
    let latest = history.location;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a navigation between the first render and this subscription, rare: shown at once.
    setShown(latest);
    return history.listen(({ location }) => {
      const moved = location.pathname !== latest.pathname;
      latest = location;
      if (moved) startTransition(() => setShown(location));
      else setShown(location);
    });
  }, [history]);
  return shown;
}

/** The app's router on `history`, which the components inside may block through useNavigationHistory. */
export function NavigationHistoryRouter({ history, children }: { history: History; children: ReactNode }) {
  const hook = useMemo(() => locationHookOf(history), [history]);
  const location = useShownLocationOf(history);
  return (
    <NavigationHistoryContext.Provider value={history}>
      <ShownLocationContext.Provider value={location}>
        <RouterOnHistory hook={hook}>{children}</RouterOnHistory>
      </ShownLocationContext.Provider>
    </NavigationHistoryContext.Provider>
  );
}

// Memoised: a new location re-renders the components that read it, not the whole tree under the router.
const RouterOnHistory = memo(function RouterOnHistory({
  hook,
  children,
}: {
  hook: ReturnType<typeof locationHookOf>;
  children: ReactNode;
}) {
  return <Router hook={hook}>{children}</Router>;
});

export function useNavigationHistory(): History {
  const history = useContext(NavigationHistoryContext);
  if (!history) throw new Error('useNavigationHistory must be used inside a NavigationHistoryRouter.');
  return history;
}

/** Where the app is: pathname, search, the navigation's state, and a key that is new on every visit. */
export function useLocation(): Location {
  return useShownLocation();
}

function useShownLocation(): Location {
  const location = useContext(ShownLocationContext);
  if (!location) throw new Error('useLocation must be used inside a NavigationHistoryRouter.');
  return location;
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
