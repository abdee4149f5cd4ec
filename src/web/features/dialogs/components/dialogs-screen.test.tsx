import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DialogView } from '../../../../domain/dialogs';
import { ToastHost } from '../../../components/toast-host';
import { fakeApi } from '../../../testing/fake-api';
import { renderInApp } from '../../../testing/render-app';
import { DialogsScreen } from './dialogs-screen';

const BOT = '11111111-1111-4111-8111-111111111111';
const WELCOME: DialogView = { id: 'welcome', name: 'Welcome', type: 'DIALOG', status: 'ENABLED', interactions: [] };
const ADDED: DialogView = {
  id: 'added-1',
  name: 'Agent escalation failed',
  type: 'DIALOG',
  status: 'ENABLED',
  interactions: [],
  addedHere: true,
};

describe('the dialogs screen', () => {
  it('removes a dialog the panel added, with If-Match, and Undo in the toast puts it back', async () => {
    let dialogs = [WELCOME, ADDED];
    const api = fakeApi({
      [`GET /api/bots/${BOT}/dialogs`]: () => ({ status: 200, body: { items: dialogs } }),
      [`GET /api/bots/${BOT}/checks`]: () => ({ status: 200, body: { items: [] } }),
      [`GET /api/bots/${BOT}`]: () => ({ status: 200, body: { id: BOT, name: 'Care', version: 6 } }),
      [`DELETE /api/bots/${BOT}/dialogs/added-1`]: () => {
        dialogs = [WELCOME];
        return { status: 204 };
      },
      [`POST /api/bots/${BOT}/dialogs/added-1/restore`]: () => {
        dialogs = [WELCOME, ADDED];
        return { status: 201, body: ADDED };
      },
    });
    const user = userEvent.setup();
    renderInApp(
      <>
        <DialogsScreen botId={BOT} />
        <ToastHost />
      </>,
      `/bots/${BOT}/dialogs?view=list`,
    );
    const added = await screen.findByRole('list', { name: 'Dialogs added in the panel' });
    // Only what the panel added can be removed here: the imported Welcome has no button.
    expect(
      within(added)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Remove Agent escalation failed']);
    await user.click(within(added).getByRole('button', { name: 'Remove Agent escalation failed' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete Agent escalation failed?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Dialogs added in the panel' })).toBeNull());
    const removal = api.calls.find((call) => call.method === 'DELETE')!;
    expect(removal.headers['if-match']).toBe('"6"');

    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Restored Agent escalation failed')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Remove Agent escalation failed' })).toBeInTheDocument();
    expect(api.calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual([
      `/api/bots/${BOT}/dialogs/added-1/restore`,
    ]);
  });
});
