import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anIntegrationSummary } from '../../../../../domain/samples';
import { BOT } from '../../../../testing/demo-records';
import { fakeApi } from '../../../../testing/fake-api';
import { renderApp } from '../../../../testing/render-app';

const ROWS = [
  anIntegrationSummary({ id: 'a1', name: 'Billing API' }),
  anIntegrationSummary({ id: 'a2', name: 'Order status' }),
  anIntegrationSummary({ id: 'a3', name: 'REBILLING sync' }),
];

describe('IntegrationsList filter', () => {
  it('filters the loaded rows at the keystroke, as the API does (case-insensitive), before asking the server', async () => {
    const api = fakeApi({
      [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
      [`GET /api/bots/${BOT.id}/integrations`]: () => ({ status: 200, body: { items: ROWS, nextCursor: null } }),
    });
    renderApp(`/bots/${BOT.id}/integrations`);
    const nav = await screen.findByRole('navigation', { name: 'Integrations' });
    await within(nav).findByRole('list', { name: '3 integrations' });
    const listRequests = () => api.calls.filter((call) => call.path === `/api/bots/${BOT.id}/integrations`).length;
    const before = listRequests();

    fireEvent.change(within(nav).getByLabelText('Filter integrations'), { target: { value: ' bill' } });

    // No waiting: the render that takes the keystroke shows the two matches (the virtual rows are not drawn
    // here, without layout: the list's own count says it), and the server has not been asked yet.
    expect(within(nav).getByRole('list', { name: '2 integrations' })).toBeInTheDocument();
    expect(listRequests()).toBe(before);

    fireEvent.change(within(nav).getByLabelText('Filter integrations'), { target: { value: 'nothing like it' } });
    expect(within(nav).getByText('No integration matches "nothing like it".')).toBeInTheDocument();
  });
});
