import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryHistory } from 'history';
import { Route, Switch } from 'wouter';
import { describe, expect, it } from 'vitest';
import { Link, NavigationHistoryRouter, NavLink, Outlet, useLocation, useParams, useSearchParams, WithOutlet } from './history-router';

function Where() {
  const { pathname, search } = useLocation();
  return <output aria-label="where">{`${pathname}${search}`}</output>;
}

function renderAt(path: string, children: React.ReactNode) {
  const history = createMemoryHistory({ initialEntries: [path] });
  render(
    <NavigationHistoryRouter history={history}>
      {children}
      <Where />
    </NavigationHistoryRouter>,
  );
  return { history, user: userEvent.setup() };
}

describe('the app router on history', () => {
  it('marks a link current at its place and within it, not at a place that only starts with the same letters', () => {
    renderAt(
      '/skills/abc',
      <nav>
        <NavLink to="/skills">Skills</NavLink>
        <NavLink to="/skill">Skill</NavLink>
        <NavLink to="/credentials">Credentials</NavLink>
      </nav>,
    );
    expect(screen.getByRole('link', { name: 'Skills' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Skill' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('link', { name: 'Credentials' })).not.toHaveAttribute('aria-current');
  });

  it('follows a plain click in place, and leaves a modified click to the browser (a new tab)', async () => {
    const { history, user } = renderAt('/', <Link to="/skills?q=a">Skills</Link>);
    const link = screen.getByRole('link', { name: 'Skills' });
    expect(link).toHaveAttribute('href', '/skills?q=a');

    const modified = fireEvent.click(link, { ctrlKey: true });
    expect(modified).toBe(true); // not prevented: the browser opens it
    expect(history.location.pathname).toBe('/');

    await user.click(link);
    expect(screen.getByRole('status', { name: 'where' })).toHaveTextContent('/skills?q=a');
    expect(history.index).toBe(1);
  });

  it('replaces rather than pushes when asked, and carries the state', async () => {
    const { history, user } = renderAt(
      '/a',
      <Link to="/b" replace state={{ from: 'test' }}>
        B
      </Link>,
    );
    await user.click(screen.getByRole('link', { name: 'B' }));
    expect(history.location.pathname).toBe('/b');
    expect(history.location.state).toEqual({ from: 'test' });
    expect(history.index).toBe(0);
  });

  it("draws a layout with the matched child at its Outlet, and keeps the layout's state between children", async () => {
    function Layout() {
      const [count, setCount] = React.useState(0);
      return (
        <section>
          <button type="button" onClick={() => setCount(count + 1)}>
            Clicked {count}
          </button>
          <Outlet />
        </section>
      );
    }
    function Item() {
      return <p>item {useParams<{ id: string }>().id}</p>;
    }
    const { history, user } = renderAt(
      '/items',
      <Switch>
        <Route key="items" path="/items">
          <WithOutlet outlet={<p>no item</p>}>
            <Layout />
          </WithOutlet>
        </Route>
        <Route key="items" path="/items/:id">
          <WithOutlet outlet={<Item />}>
            <Layout />
          </WithOutlet>
        </Route>
      </Switch>,
    );
    expect(screen.getByText('no item')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clicked 0' }));
    act(() => history.push('/items/42'));
    expect(screen.getByText('item 42')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clicked 1' })).toBeInTheDocument();
  });

  it('reads and replaces the search parameters', async () => {
    function View() {
      const [params, setParams] = useSearchParams();
      return (
        <button type="button" onClick={() => setParams({ view: 'list' }, { replace: true })}>
          View {params.get('view') ?? 'flow'}
        </button>
      );
    }
    const { history, user } = renderAt('/bots/1/dialogs', <View />);
    await user.click(screen.getByRole('button', { name: 'View flow' }));
    expect(screen.getByRole('button', { name: 'View list' })).toBeInTheDocument();
    expect(history.location.search).toBe('?view=list');
    expect(history.index).toBe(0);
  });
});
