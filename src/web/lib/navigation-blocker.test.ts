import { createBrowserHistory, createMemoryHistory, type Location } from 'history';
import { describe, expect, it, vi } from 'vitest';
import { blockNavigation, type BlockedNavigation, type ShouldBlock } from './navigation-blocker';

const leavingEdit: ShouldBlock = ({ currentLocation, nextLocation }) =>
  currentLocation.pathname === '/edit' && nextLocation.pathname !== '/edit';

function armed(shouldBlock: ShouldBlock = leavingEdit) {
  const history = createMemoryHistory({ initialEntries: ['/list', '/edit'], initialIndex: 1 });
  const blocked: BlockedNavigation[] = [];
  const disarm = blockNavigation(history, shouldBlock, (navigation) => blocked.push(navigation));
  return { history, blocked, disarm };
}

describe('blockNavigation', () => {
  it('holds back a push it blocks, and proceed() completes it', () => {
    const { history, blocked } = armed();
    history.push('/other', { from: 'test' });
    expect(history.location.pathname).toBe('/edit');
    expect(blocked.map((navigation) => navigation.location.pathname)).toEqual(['/other']);

    blocked[0]!.proceed();
    expect(history.location.pathname).toBe('/other');
    expect(history.location.state).toEqual({ from: 'test' });
    expect(history.index).toBe(2);
  });

  it('holds back the back button, and proceed() goes back', () => {
    const { history, blocked } = armed();
    history.back();
    expect(history.location.pathname).toBe('/edit');
    expect(blocked).toHaveLength(1);

    blocked[0]!.proceed();
    expect(history.location.pathname).toBe('/list');
    expect(history.index).toBe(0);
  });

  it('lets through, unchanged and without asking, what it does not block', () => {
    const { history, blocked } = armed();
    history.replace('/edit?tab=script', { kept: true });
    expect(history.location).toMatchObject({ pathname: '/edit', search: '?tab=script', state: { kept: true } });
    expect(blocked).toEqual([]);
  });

  it('stays armed after letting one through or proceeding', () => {
    const { history, blocked } = armed();
    history.replace('/edit?tab=script');
    history.push('/other');
    expect(blocked).toHaveLength(1);

    // Proceeding lands on /other; back to /edit is not blocked (the rule looks at where it leaves from), leaving it again is.
    blocked[0]!.proceed();
    history.back();
    expect(history.location.pathname).toBe('/edit');
    history.push('/elsewhere');
    expect(history.location.pathname).toBe('/edit');
    expect(blocked.map((navigation) => navigation.location.pathname)).toEqual(['/other', '/elsewhere']);
  });

  it('asks the rule with the current and the next location', () => {
    const shouldBlock = vi.fn<ShouldBlock>(() => false);
    const { history } = armed(shouldBlock);
    history.push('/next?q=1', { skip: true });
    const [{ currentLocation, nextLocation }] = shouldBlock.mock.calls[0]! as [{ currentLocation: Location; nextLocation: Location }];
    expect(currentLocation.pathname).toBe('/edit');
    expect(nextLocation).toMatchObject({ pathname: '/next', search: '?q=1', state: { skip: true } });
    expect(history.location.pathname).toBe('/next');
  });

  it('blocks nothing once disarmed; a navigation held before still proceeds', () => {
    const { history, blocked, disarm } = armed();
    history.push('/other');
    disarm();
    history.push('/free');
    expect(history.location.pathname).toBe('/free');
    expect(blocked).toHaveLength(1);

    blocked[0]!.proceed();
    expect(history.location.pathname).toBe('/other');
    history.push('/again');
    expect(history.location.pathname).toBe('/again');
    expect(blocked).toHaveLength(1);
  });

  it('has the browser prompt on closing or reloading the tab exactly while armed', () => {
    const history = createBrowserHistory();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);

    const disarm = blockNavigation(
      history,
      () => true,
      () => {},
    );
    expect(unload()).toBe(true);
    disarm();
    expect(unload()).toBe(false);
  });

  it('keeps one prompt while it steps aside to let a navigation through, and none after disarming', () => {
    const history = createBrowserHistory();
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    const count = (spy: typeof added) => spy.mock.calls.filter(([type]) => type === 'beforeunload').length;

    const disarm = blockNavigation(
      history,
      () => false,
      () => {},
    );
    history.push('/passed');
    expect(window.location.pathname).toBe('/passed');
    disarm();
    // Armed, stepped aside, re-armed, disarmed: every listener added was removed.
    expect(count(added)).toBe(2);
    expect(count(removed)).toBe(2);
    added.mockRestore();
    removed.mockRestore();
  });
});
