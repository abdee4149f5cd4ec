import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aBot, anIntegrationSummary } from '../../../domain/samples';
import { BOT } from '../../testing/demo-records';
import { fakeApi } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';

const OTHER = aBot({ id: '0c7a52a5-5d5c-4e43-9d1a-3b7c2b1e9f10', name: 'Order desk', description: '' });
const ROWS = [anIntegrationSummary({ id: 'a1', name: 'Billing API' }), anIntegrationSummary({ id: 'a2', name: 'Order status' })];

function withBots() {
  return fakeApi({
    'GET /api/bots': () => ({ status: 200, body: { items: [BOT, OTHER], nextCursor: null } }),
    [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
    [`GET /api/bots/${BOT.id}/integrations`]: () => ({ status: 200, body: { items: ROWS, nextCursor: null } }),
    [`GET /api/bots/${BOT.id}/checks`]: () => ({ status: 200, body: { items: [] } }),
  });
}

describe('the keyboard shortcuts', () => {
  it('/ focuses the list filter, except while typing; the arrows move between the bots', async () => {
    withBots();
    const user = userEvent.setup();
    renderApp('/');
    const first = await screen.findByRole('link', { name: BOT.name });
    const search = screen.getByLabelText('Search bots');

    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('link', { name: OTHER.name })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(first).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('link', { name: OTHER.name })).toHaveFocus();

    await user.keyboard('/');
    expect(search).toHaveFocus();
    // Typed into the field, a slash is text.
    await user.keyboard('a/b');
    expect(search).toHaveValue('a/b');
  });

  it('? lists the shortcuts in a dialog that Escape closes', async () => {
    withBots();
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('link', { name: BOT.name });
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Focus the filter of the list on screen')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it("Ctrl+K opens the palette at the first press: it goes to a bot's integration, or runs Add Integration", async () => {
    withBots();
    const user = userEvent.setup();
    const { history } = renderApp(`/bots/${BOT.id}/integrations`);
    await screen.findByRole('list', { name: '2 integrations' });

    await user.keyboard('{Control>}k{/Control}');
    const palette = await screen.findByRole('dialog', { name: 'Command palette' });
    const input = within(palette).getByRole('combobox', { name: 'Search commands' });
    await waitFor(() => expect(input).toHaveFocus());
    expect(await within(palette).findByRole('option', { name: /Add Integration/ })).toBeInTheDocument();
    expect(await within(palette).findByRole('option', { name: /Order desk/ })).toBeInTheDocument();
    expect(within(palette).getByRole('option', { name: /^Skills/ })).toBeInTheDocument();

    await user.type(input, 'billing');
    await waitFor(() => expect(within(palette).getAllByRole('option')).toHaveLength(1));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(history.location.pathname).toBe(`/bots/${BOT.id}/integrations/a1`));
    expect(screen.queryByRole('dialog', { name: 'Command palette' })).toBeNull();

    await user.keyboard('{Meta>}k{/Meta}');
    const again = await screen.findByRole('dialog', { name: 'Command palette' });
    await user.type(within(again).getByRole('combobox'), 'add int');
    await waitFor(() => expect(within(again).getAllByRole('option')).toHaveLength(1));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(history.location.pathname).toBe(`/bots/${BOT.id}/integrations/new`));
  });

  it('keeps what is typed right after Ctrl+K, while the palette is on its way, for its search', async () => {
    withBots();
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('link', { name: BOT.name });
    await user.keyboard('{Control>}k{/Control}order');
    const palette = await screen.findByRole('dialog', { name: 'Command palette' });
    await waitFor(() => expect(within(palette).getByRole('combobox')).toHaveValue('order'));
    expect(await within(palette).findByRole('option', { name: /Order desk/ })).toBeInTheDocument();
  });
});
