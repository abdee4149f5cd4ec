import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import { anIntegrationSummary } from '../../../../../domain/samples';
import { BOT } from '../../../../testing/demo-records';
import { fakeApi } from '../../../../testing/fake-api';
import { renderApp, renderInApp } from '../../../../testing/render-app';
import { IntegrationsList } from './integrations-list';

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

  it('keeps the filter in the address: a link with ?q= opens the filtered list, and typing replaces the entry', async () => {
    const api = fakeApi({
      [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
      [`GET /api/bots/${BOT.id}/integrations`]: (call) => {
        const asked = new URL(call.url, 'http://x').searchParams;
        const q = asked.get('q')?.toLowerCase() ?? '';
        const type = asked.get('type');
        const items = ROWS.filter((row) => row.name.toLowerCase().includes(q) && (!type || row.type === type));
        return { status: 200, body: { items, nextCursor: null } };
      },
    });
    const { history } = renderApp(`/bots/${BOT.id}/integrations?q=bill`);
    const nav = await screen.findByRole('navigation', { name: 'Integrations' });
    expect(within(nav).getByLabelText('Filter integrations')).toHaveValue('bill');
    expect(await within(nav).findByRole('list', { name: '2 integrations' })).toBeInTheDocument();
    expect(api.calls.some((call) => call.url.includes('q=bill'))).toBe(true);

    const entries = history.index;
    fireEvent.change(within(nav).getByLabelText('Filter integrations'), { target: { value: 'order' } });
    await waitFor(() => expect(history.location.search).toBe('?q=order'));
    expect(history.index).toBe(entries);
    fireEvent.change(within(nav).getByLabelText('Filter integrations'), { target: { value: '' } });
    await waitFor(() => expect(history.location.search).toBe(''));

    // The type too: the select says it, the API is asked for it, the address keeps it.
    fireEvent.change(within(nav).getByLabelText('Filter by type'), { target: { value: 'LIVEPERSON_AGENT_ESCALATION' } });
    await waitFor(() => expect(history.location.search).toBe('?type=LIVEPERSON_AGENT_ESCALATION'));
    expect(await within(nav).findByText('No LivePerson Agent Escalation integration yet.')).toBeInTheDocument();
    await waitFor(() => expect(api.calls.some((call) => call.url.includes('type=LIVEPERSON_AGENT_ESCALATION'))).toBe(true));
  });
});

/**
 * Mounts the list alone and records its commits. React reports a render of state set while committing as a
 * "nested-update": it renders it at once, in the same task, after running every pending effect of the
 * screen, and the browser cannot draw the rows until all of that is done.
 */
async function mountList() {
  fakeApi({ [`GET /api/bots/${BOT.id}/integrations`]: () => ({ status: 200, body: { items: ROWS, nextCursor: null } }) });
  const rowLinks = () => document.querySelectorAll('li a').length;
  const commits: { rows: number; phase: string }[] = [];
  const onRender = (_id: string, phase: string) => commits.push({ rows: rowLinks(), phase });
  const view = renderInApp(
    <Profiler id="list" onRender={onRender}>
      <IntegrationsList botId={BOT.id} />
    </Profiler>,
    `/bots/${BOT.id}/integrations`,
  );
  await screen.findByRole('list', { name: '3 integrations' });
  const firstRows = commits.findIndex((commit) => commit.rows > 0);
  return {
    view,
    rowLinks,
    firstRows,
    // The commit right after the first rows' only: the virtual window's own measuring once it has taken
    // over (with no layout in happy-dom, it draws no rows) is another commit, and not what this guards.
    rendersInItsTask: () => commits.slice(firstRows + 1, firstRows + 2).filter((commit) => commit.phase === 'nested-update'),
  };
}

describe('IntegrationsList first render', () => {
  it('draws its first rows in one commit: nothing it sets while committing them renders it again in the same task', async () => {
    const first = await mountList();
    expect(first.firstRows).toBeGreaterThanOrEqual(0);
    expect(first.rendersInItsTask()).toEqual([]);
    // Once the list has been shown the virtualizer arrives, and draws no rows here (happy-dom has no layout).
    await waitFor(() => expect(first.rowLinks()).toBe(0));
    first.view.unmount();

    // A list mounted with the virtualizer already here (another bot, the filter cleared) draws its rows at once too.
    const again = await mountList();
    expect(again.firstRows).toBeGreaterThanOrEqual(0);
    expect(again.rendersInItsTask()).toEqual([]);
  });
});
