import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DialogView } from '../../../domain/dialogs';
import { BOT } from '../../testing/demo-records';
import { fakeApi, LOCAL_ME } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';

const GREETING: DialogView = {
  id: 'd-1',
  name: 'Greeting',
  type: 'DIALOG',
  status: 'ENABLED',
  interactions: [{ id: 'i-1', name: 'text_greeting', kind: 'TEXT', texts: ['Hi!'], transitions: [{ to: 'end' }] }],
} as unknown as DialogView;

function dialogsApi(me: object = LOCAL_ME) {
  let dialogs: DialogView[] = [];
  return fakeApi({
    'GET /api/me': () => ({ status: 200, body: me }),
    [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
    [`GET /api/bots/${BOT.id}/dialogs`]: () => ({ status: 200, body: { items: dialogs } }),
    [`GET /api/bots/${BOT.id}/checks`]: () => ({ status: 200, body: { items: [] } }),
    [`POST /api/bots/${BOT.id}/dialogs/samples`]: () => {
      dialogs = [GREETING];
      return { status: 201, body: { items: dialogs } };
    },
  });
}

describe('the Dialogs screen of a bot without dialogs', () => {
  it('offers the sample dialogs, adds them in one click and shows them', async () => {
    const api = dialogsApi();
    renderApp(`/bots/${BOT.id}/dialogs?view=list`);
    const empty = await screen.findByText('This bot has no dialogs.');
    const region = empty.closest('section, div')!;
    await userEvent.click(within(region as HTMLElement).getByRole('button', { name: 'Add the sample dialogs' }));
    expect(await screen.findByText('Greeting')).toBeInTheDocument();
    expect(screen.queryByText('This bot has no dialogs.')).not.toBeInTheDocument();
    expect(api.calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual([`/api/bots/${BOT.id}/dialogs/samples`]);
  });

  it('says why a viewer cannot add them', async () => {
    const api = dialogsApi({ id: 'p-1', email: 'vic@example.com', name: 'Vic', role: 'viewer', authMode: 'accounts' });
    renderApp(`/bots/${BOT.id}/dialogs?view=list`);
    expect(await screen.findByText('Read-only: your role is viewer; changing this needs the builder role.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add the sample dialogs' })).not.toBeInTheDocument();
    expect(api.calls.filter((call) => call.method === 'POST')).toEqual([]);
  });
});
