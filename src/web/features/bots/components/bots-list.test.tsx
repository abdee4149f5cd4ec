import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aBot } from '../../../../domain/samples';
import { BOT } from '../../../testing/demo-records';
import { fakeApi } from '../../../testing/fake-api';
import { renderApp } from '../../../testing/render-app';

describe('the bots page', () => {
  it('shows a failed load with Retry, and Retry loads the list', async () => {
    let failing = true;
    fakeApi({
      'GET /api/bots': () =>
        failing
          ? { status: 503, body: { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'The database is starting.' } }
          : { status: 200, body: { items: [BOT], nextCursor: null } },
    });
    const user = userEvent.setup();
    renderApp('/');
    const error = await screen.findByTestId('error-state');
    expect(error).toHaveTextContent('Could not load the bots');
    expect(error).toHaveTextContent('The database is starting.');
    failing = false;
    await user.click(within(error).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: BOT.name })).toHaveAttribute('href', `/bots/${BOT.id}/integrations`);
  });

  it('deletes a bot only after confirmation, with its ETag', async () => {
    const api = fakeApi({
      'GET /api/bots': () => ({ status: 200, body: { items: [BOT], nextCursor: null } }),
      // The copy Undo imports again, read just before the delete.
      [`GET /api/bots/${BOT.id}/export`]: () => ({ status: 200, body: { format: 'native', bot: { name: BOT.name }, integrations: [] } }),
      [`DELETE /api/bots/${BOT.id}`]: () => ({ status: 204 }),
    });
    const user = userEvent.setup();
    renderApp('/');
    await user.click(await screen.findByRole('button', { name: `Delete ${BOT.name}` }));
    const dialog = await screen.findByRole('alertdialog', { name: `Delete ${BOT.name}?` });
    expect(api.calls.some((call) => call.method === 'DELETE')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await screen.findByText('No bots yet.');
    expect(api.calls.find((call) => call.method === 'DELETE')?.headers['if-match']).toBe('"1"');
  });

  it('gives the focus back to Edit and Delete when their dialogs close with Escape', async () => {
    fakeApi({ 'GET /api/bots': () => ({ status: 200, body: { items: [BOT], nextCursor: null } }) });
    const user = userEvent.setup();
    renderApp('/');
    for (const [button, dialog] of [
      [`Edit ${BOT.name}`, () => screen.findByRole('dialog', { name: 'Edit bot' })],
      [`Delete ${BOT.name}`, () => screen.findByRole('alertdialog', { name: `Delete ${BOT.name}?` })],
    ] as const) {
      const opener = await screen.findByRole('button', { name: button });
      opener.focus();
      await user.keyboard('{Enter}');
      await dialog();
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      await waitFor(() => expect(opener).toHaveFocus());
    }
  });

  it('puts the focus on the next bot once the deleted one is gone', async () => {
    const next = aBot({ id: '0c7a52a5-5d5c-4e43-9d1a-3b7c2b1e9f10', name: 'Order desk', description: '' });
    let bots = [BOT, next];
    fakeApi({
      'GET /api/bots': () => ({ status: 200, body: { items: bots, nextCursor: null } }),
      [`GET /api/bots/${BOT.id}/export`]: () => ({ status: 200, body: { format: 'native', bot: { name: BOT.name }, integrations: [] } }),
      [`DELETE /api/bots/${BOT.id}`]: () => {
        bots = [next];
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderApp('/');
    (await screen.findByRole('button', { name: `Delete ${BOT.name}` })).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('alertdialog', { name: `Delete ${BOT.name}?` });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: BOT.name })).toBeNull());
    await waitFor(() => expect(screen.getByRole('link', { name: next.name })).toHaveFocus());
  });
});
