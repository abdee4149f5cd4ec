import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryHistory } from 'history';
import { Route, Switch } from 'wouter';
import { describe, expect, it } from 'vitest';
import { Link, NavigationHistoryRouter } from '../lib/history-router';
import { SKIP_UNSAVED_GUARD, UnsavedChangesGuard } from './unsaved-changes-guard';

function renderGuarded({ dirty }: { dirty: boolean }) {
  const history = createMemoryHistory({ initialEntries: ['/list', '/edit'], initialIndex: 1 });
  render(
    <NavigationHistoryRouter history={history}>
      <Switch>
        <Route path="/edit">
          <UnsavedChangesGuard when={dirty} />
          <Link to="/other">Other</Link>
          <Link to="/other" state={SKIP_UNSAVED_GUARD}>
            After save
          </Link>
          <Link to="/edit?tab=script">Same page</Link>
        </Route>
        <Route>
          <p>elsewhere</p>
        </Route>
      </Switch>
    </NavigationHistoryRouter>,
  );
  return { history, user: userEvent.setup() };
}

const ask = () => screen.queryByRole('alertdialog', { name: 'Leave without saving?' });
// The dialog's code loads when it first opens.
const asked = () => screen.findByRole('alertdialog', { name: 'Leave without saving?' });

describe('UnsavedChangesGuard', () => {
  it('asks before a link leaves unsaved edits: Stay keeps the page, Leave without saving goes', async () => {
    const { history, user } = renderGuarded({ dirty: true });
    await user.click(screen.getByRole('link', { name: 'Other' }));
    expect(await asked()).toBeInTheDocument();
    await user.click(within(ask()!).getByRole('button', { name: 'Stay' }));
    expect(ask()).toBeNull();
    expect(history.location.pathname).toBe('/edit');

    await user.click(screen.getByRole('link', { name: 'Other' }));
    await user.click(within(ask()!).getByRole('button', { name: 'Leave without saving' }));
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
    expect(history.location.pathname).toBe('/other');
  });

  it('asks before the back button too', async () => {
    const { history, user } = renderGuarded({ dirty: true });
    history.back();
    expect(await screen.findByRole('alertdialog', { name: 'Leave without saving?' })).toBeInTheDocument();
    await user.click(within(ask()!).getByRole('button', { name: 'Leave without saving' }));
    expect(history.location.pathname).toBe('/list');
  });

  it('does not ask within the same page, or for navigation marked SKIP_UNSAVED_GUARD (after a save or a delete)', async () => {
    const dirty = renderGuarded({ dirty: true });
    await dirty.user.click(screen.getByRole('link', { name: 'Same page' }));
    expect(dirty.history.location.search).toBe('?tab=script');
    await dirty.user.click(screen.getByRole('link', { name: 'After save' }));
    expect(dirty.history.location.pathname).toBe('/other');
    expect(ask()).toBeNull();
  });

  it('does not ask when nothing is unsaved', async () => {
    const clean = renderGuarded({ dirty: false });
    await clean.user.click(screen.getByRole('link', { name: 'Other' }));
    expect(clean.history.location.pathname).toBe('/other');
    expect(ask()).toBeNull();
  });
});
