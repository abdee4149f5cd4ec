import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { anIntegrationSummary } from '../../../domain/samples';
import { BOT, ESCALATION } from '../../testing/demo-records';
import { fakeApi } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';

vi.mock('../../features/integrations/components/script-editor/script-editor', () => import('../../testing/script-editor-stand-in'));

describe('the integrations panel', () => {
  it("names the open integration and the bot in the tab's title, and follows navigation", async () => {
    const empty = () => ({ status: 200, body: { items: [], nextCursor: null } });
    fakeApi({
      [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
      [`GET /api/bots/${BOT.id}/integrations`]: () => ({ status: 200, body: { items: [anIntegrationSummary()], nextCursor: null } }),
      [`GET /api/bots/${BOT.id}/integrations/${ESCALATION.id}`]: () => ({ status: 200, body: ESCALATION }),
      [`GET /api/bots/${BOT.id}/checks`]: () => ({ status: 200, body: { items: [] } }),
      ...Object.fromEntries(
        ['/api/skills', '/api/credentials', '/api/functions', '/api/knowledge-bases'].map((path) => [`GET ${path}`, empty]),
      ),
    });
    const { history } = renderApp(`/bots/${BOT.id}/integrations/${ESCALATION.id}`);
    // The form's chunk compiles on first use in a test run: longer than the default wait.
    await waitFor(() => expect(document.title).toBe(`${ESCALATION.name} · ${BOT.name} · Integrations Panel`), { timeout: 15_000 });

    act(() => history.push(`/bots/${BOT.id}/integrations`));
    await waitFor(() => expect(document.title).toBe(`Integrations · ${BOT.name} · Integrations Panel`));
    act(() => history.push(`/bots/${BOT.id}/integrations/new`));
    await waitFor(() => expect(document.title).toBe(`Add Integration · ${BOT.name} · Integrations Panel`));
  });

  it("asks for the bot's checks once its list has answered, so they never hold the list up", async () => {
    const api = fakeApi({
      [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
      [`GET /api/bots/${BOT.id}/integrations`]: () => ({ status: 200, body: { items: [anIntegrationSummary()], nextCursor: null } }),
      [`GET /api/bots/${BOT.id}/checks`]: () => ({ status: 200, body: { items: [] } }),
    });
    // The list's answer is held until the test lets it through.
    const answer = globalThis.fetch;
    let releaseList: () => void = () => undefined;
    const listHeld = new Promise<void>((resolve) => {
      releaseList = resolve;
    });
    let listAsked = false;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (new URL(String(input), 'http://127.0.0.1').pathname === `/api/bots/${BOT.id}/integrations`) {
        listAsked = true;
        await listHeld;
      }
      return answer(input, init);
    });
    const checksAsked = () => api.calls.some((call) => call.path === `/api/bots/${BOT.id}/checks`);

    renderApp(`/bots/${BOT.id}/integrations`);
    await vi.waitFor(() => expect(listAsked).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(checksAsked()).toBe(false);
    expect(screen.getByText('Checking the dialogs…')).toBeInTheDocument();

    releaseList();
    const nav = await screen.findByRole('navigation', { name: 'Integrations' });
    await within(nav).findByRole('list', { name: '1 integrations' });
    expect(await screen.findByRole('button', { name: 'Checks: 0 passed' })).toBeInTheDocument();
    expect(checksAsked()).toBe(true);
  });
  it.each(['integrations', 'dialogs', 'releases'])(
    'says in words that a bot does not exist (%s), without its id and without a Retry that cannot help',
    async (tab) => {
      const missingId = '99999999-9999-4999-8999-999999999999';
      const notFound = { type: 'about:blank', title: 'Not Found', status: 404, detail: `Bot ${missingId} does not exist.` };
      fakeApi({
        [`GET /api/bots/${missingId}`]: () => ({ status: 404, body: notFound }),
        [`GET /api/bots/${missingId}/integrations`]: () => ({ status: 404, body: notFound }),
        [`GET /api/bots/${missingId}/dialogs`]: () => ({ status: 404, body: notFound }),
        [`GET /api/bots/${missingId}/checks`]: () => ({ status: 404, body: notFound }),
        [`GET /api/bots/${missingId}/releases`]: () => ({ status: 404, body: notFound }),
      });
      renderApp(`/bots/${missingId}/${tab}`);
      expect(await screen.findByRole('heading', { name: 'This bot does not exist' })).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Back to the bots' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
      expect(document.body.textContent).not.toContain(missingId);
    },
  );
});
