import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BOT, ESCALATION } from '../../testing/demo-records';
import { fakeApi } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';

const DIRECTORIES = ['/api/skills', '/api/credentials', '/api/functions', '/api/knowledge-bases'];
const empty = () => ({ status: 200, body: { items: [], nextCursor: null } });

describe('the integration form screen', () => {
  it('asks for the directories its pickers suggest from once the form is drawn, not on the way to it', async () => {
    const api = fakeApi({
      [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
      [`GET /api/bots/${BOT.id}/integrations`]: () => ({ status: 200, body: { items: [], nextCursor: null } }),
      [`GET /api/bots/${BOT.id}/integrations/${ESCALATION.id}`]: () => ({ status: 200, body: ESCALATION }),
      [`GET /api/bots/${BOT.id}/checks`]: () => ({ status: 200, body: { items: [] } }),
      ...Object.fromEntries(DIRECTORIES.map((path) => [`GET ${path}`, empty])),
    });
    const directoriesAsked = () => api.calls.filter((call) => DIRECTORIES.includes(call.path)).length;
    // What had been asked for when the form's first field was put in the page.
    let askedWhenDrawn: number | null = null;
    const observer = new MutationObserver(() => {
      if (askedWhenDrawn === null && document.querySelector('form.integration-form input[name="name"]'))
        askedWhenDrawn = directoriesAsked();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    try {
      renderApp(`/bots/${BOT.id}/integrations/${ESCALATION.id}`);
      expect(await screen.findByRole('heading', { name: ESCALATION.name, level: 2 })).toBeInTheDocument();
      expect(askedWhenDrawn).toBe(0);
      await waitFor(() => expect(directoriesAsked()).toBe(DIRECTORIES.length), { timeout: 5_000 });
    } finally {
      observer.disconnect();
    }
  });
});

describe('the integration form for a viewer', () => {
  it('is read-only with one line saying why: no Save, no Add Integration, and Ctrl+S sends nothing', async () => {
    const api = fakeApi({
      'GET /api/me': () => ({
        status: 200,
        body: { id: 'p-1', email: 'vic@example.com', name: 'Vic', role: 'viewer', authMode: 'accounts' },
      }),
      [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
      [`GET /api/bots/${BOT.id}/integrations`]: () => ({
        status: 200,
        body: {
          items: [
            {
              id: ESCALATION.id,
              name: ESCALATION.name,
              type: ESCALATION.type,
              responseDataVariable: ESCALATION.responseDataVariable,
              version: ESCALATION.version,
              updatedAt: ESCALATION.updatedAt,
            },
          ],
          nextCursor: null,
        },
      }),
      [`GET /api/bots/${BOT.id}/integrations/${ESCALATION.id}`]: () => ({ status: 200, body: ESCALATION }),
      [`GET /api/bots/${BOT.id}/checks`]: () => ({ status: 200, body: { items: [] } }),
      ...Object.fromEntries(DIRECTORIES.map((path) => [`GET ${path}`, empty])),
    });
    renderApp(`/bots/${BOT.id}/integrations/${ESCALATION.id}`);
    expect(await screen.findByTestId('read-only-reason')).toHaveTextContent(
      'Read-only: your role is viewer; changing this needs the builder role.',
    );
    expect(screen.getByLabelText('Integration Name')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Add Integration' })).not.toBeInTheDocument();
    // The Test panel stays: a viewer may run tests.
    expect(screen.getByTestId('test-panel-toggle')).toBeEnabled();
    // The bot's environment is shown, not offered; test cases are a builder's to store and run.
    expect(await screen.findByTestId('bot-environment')).toHaveTextContent('No environment');
    expect(screen.queryByRole('combobox', { name: 'Bot environment' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('test-panel-toggle'));
    expect(screen.queryByRole('button', { name: 'Run all test cases' })).not.toBeInTheDocument();
    await userEvent.keyboard('{Control>}s{/Control}');
    expect(api.calls.filter((call) => call.method === 'PUT')).toEqual([]);
  });
});
