import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { anIntegrationSummary } from '../../domain/samples';
import { BOT } from '../testing/demo-records';
import { fakeApi } from '../testing/fake-api';
import { renderApp } from '../testing/render-app';

describe('the focus after a link opens another screen', () => {
  it('is on the link to where the user is on the new screen, else on the main content: never on the page itself', async () => {
    fakeApi({
      'GET /api/bots': () => ({ status: 200, body: { items: [BOT], nextCursor: null } }),
      [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
      [`GET /api/bots/${BOT.id}/integrations`]: () => ({ status: 200, body: { items: [anIntegrationSummary()], nextCursor: null } }),
      [`GET /api/bots/${BOT.id}/checks`]: () => ({ status: 200, body: { items: [] } }),
    });
    const user = userEvent.setup();
    renderApp('/');
    (await screen.findByRole('link', { name: BOT.name })).focus();
    await user.keyboard('{Enter}');
    // The bot's panel: its Integrations tab is the link to this screen.
    const tab = await screen.findByRole('link', { name: 'Integrations' });
    await waitFor(() => expect(tab).toHaveFocus());

    // Back to the bots: no link there leads to the bots, so the main content has the focus.
    screen.getByRole('link', { name: 'Bots' }).focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('link', { name: BOT.name });
    await waitFor(() => expect(screen.getByRole('main')).toHaveFocus());
  });
});
