import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BOT } from '../../../testing/demo-records';
import { fakeApi } from '../../../testing/fake-api';
import { renderApp } from '../../../testing/render-app';
import type { ImportPlan } from '../api/import-bot';

const FILE = {
  bot: { name: 'Imported Bot' },
  responder: [{ name: 'Orders', integrationType: 'API', webhook: 'https://x.example', method: 'GET' }],
};
const IMPORTED = { ...BOT, id: '0b7c1a52-8f59-4a57-9a38-0a4f8f3c2d99', name: 'Imported Bot' };

function planOf(problems: ImportPlan['integrations'][number]['problems']): ImportPlan {
  return {
    format: 'cb',
    valid: problems.length === 0,
    problemCount: problems.length,
    bot: { values: { name: 'Imported Bot', description: '' }, problems: [], keptKeys: ['conversationMessage'] },
    integrations: [
      {
        index: 0,
        sourceName: 'Orders',
        type: 'API',
        values: problems.length ? null : { name: 'Orders', responseDataVariable: 'Orders', method: 'GET', url: 'https://x.example' },
        problems,
        warnings: [],
        keptKeys: [],
        version: null,
      },
    ],
  };
}

async function openDialog() {
  const user = userEvent.setup();
  // The first render loads the route's chunk: slow on a busy machine.
  await user.click(await screen.findByRole('button', { name: 'Import bot' }, { timeout: 5_000 }));
  const dialog = await screen.findByRole('dialog', { name: 'Import bot' });
  return { user, dialog };
}

const jsonFile = (content: unknown, name = 'bot.json') => new File([JSON.stringify(content)], name, { type: 'application/json' });

describe('the import dialog', () => {
  it('shows the plan of the dry run, then imports the same file and opens the new bot', async () => {
    let imports = 0;
    const api = fakeApi({
      'GET /api/bots': () => ({ status: 200, body: { items: [BOT], nextCursor: null } }),
      // The dry run and the import share the path; the query string tells them apart on the server.
      'POST /api/bots/import': () =>
        imports++ === 0 ? { status: 200, body: planOf([]) } : { status: 201, body: { bot: IMPORTED, integrations: [] } },
      [`GET /api/bots/${IMPORTED.id}`]: () => ({ status: 200, body: IMPORTED }),
      [`GET /api/bots/${IMPORTED.id}/integrations`]: () => ({ status: 200, body: { items: [], nextCursor: null } }),
    });
    const { history } = renderApp('/');
    const { user, dialog } = await openDialog();
    await user.upload(within(dialog).getByLabelText('Choose a file'), jsonFile(FILE));

    expect(await within(dialog).findByTestId('import-bot-name')).toHaveTextContent('Imported Bot');
    const item = within(within(dialog).getByRole('list', { name: 'Integrations to import' })).getByRole('listitem');
    expect(item).toHaveTextContent('Orders');
    expect(item).toHaveTextContent('GET https://x.example');
    expect(api.calls.filter((call) => call.method === 'POST').at(-1)!.body).toEqual(FILE);

    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(history.location.pathname).toBe(`/bots/${IMPORTED.id}/integrations`), { timeout: 5_000 });
    expect(api.calls.filter((call) => call.method === 'POST').map((call) => call.body)).toEqual([FILE, FILE]);
    expect(screen.queryByRole('dialog', { name: 'Import bot' })).toBeNull();
  });

  it('keeps Import disabled while the plan has problems, naming the integration and the field', async () => {
    fakeApi({
      'GET /api/bots': () => ({ status: 200, body: { items: [], nextCursor: null } }),
      'POST /api/bots/import': () => ({
        status: 200,
        body: planOf([{ path: 'url', sourcePath: 'responder.0.webhook', message: 'URL must start with http:// or https://.' }]),
      }),
    });
    renderApp('/');
    const { user, dialog } = await openDialog();
    await user.upload(within(dialog).getByLabelText('Choose a file'), jsonFile(FILE));
    const problems = await within(dialog).findByRole('list', { name: 'Problems of Orders' });
    expect(problems).toHaveTextContent('URL: URL must start with http:// or https://.');
    expect(problems).toHaveTextContent('responder.0.webhook');
    expect(within(dialog).getByTestId('import-problems')).toHaveTextContent('1 problem stops the import');
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeDisabled();
  });

  it('explains a file that is not JSON without a request, and a 400 with its detail', async () => {
    const api = fakeApi({
      'GET /api/bots': () => ({ status: 200, body: { items: [], nextCursor: null } }),
      'POST /api/bots/import': () => ({
        status: 400,
        body: { type: 'about:blank', title: 'Not a bot export', status: 400, detail: 'The file is JSON but not a bot export.' },
      }),
    });
    renderApp('/');
    const { user, dialog } = await openDialog();
    await user.upload(within(dialog).getByLabelText('Choose a file'), new File(['nope'], 'notes.json', { type: 'application/json' }));
    expect(await within(dialog).findByTestId('import-error')).toHaveTextContent('notes.json is not JSON');
    expect(api.calls.some((call) => call.path === '/api/bots/import')).toBe(false);

    await user.upload(within(dialog).getByLabelText('Choose another file'), jsonFile([1, 2]));
    await waitFor(() => expect(within(dialog).getByTestId('import-error')).toHaveTextContent('The file is JSON but not a bot export.'));
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeDisabled();
  });

  it("asks for another name when a bot of the file's name exists, suggesting one, and imports under it", async () => {
    const twin = { ...BOT, id: '6f1d3c1e-2b7a-4c55-9a2e-5d4a3b2c1d0e', name: 'imported bot' };
    const second = { ...BOT, id: '7a2e4d2f-3c8b-4d66-8b3f-6e5b4c3d2e1f', name: 'Imported Bot (2)' };
    let imports = 0;
    const api = fakeApi({
      'GET /api/bots': () => ({ status: 200, body: { items: [twin, second], nextCursor: null } }),
      'POST /api/bots/import': () =>
        imports++ === 0 ? { status: 200, body: planOf([]) } : { status: 201, body: { bot: IMPORTED, integrations: [] } },
      [`GET /api/bots/${IMPORTED.id}`]: () => ({ status: 200, body: IMPORTED }),
      [`GET /api/bots/${IMPORTED.id}/integrations`]: () => ({ status: 200, body: { items: [], nextCursor: null } }),
    });
    const { history } = renderApp('/');
    const { user, dialog } = await openDialog();
    await user.upload(within(dialog).getByLabelText('Choose a file'), jsonFile(FILE));

    const clash = await within(dialog).findByRole('group', { name: 'A bot named “Imported Bot” already exists' });
    const name = within(clash).getByLabelText('Name of the new bot');
    expect(name).toHaveValue('Imported Bot (3)');
    expect(api.calls.some((call) => call.url.startsWith('/api/bots?') && call.url.includes('q=Imported+Bot'))).toBe(true);
    const importButton = within(dialog).getByRole('button', { name: 'Import as a new bot' });
    await user.clear(name);
    await user.type(name, 'imported bot');
    expect(within(clash).getByText('A bot of this name exists too: choose another.')).toBeInTheDocument();
    expect(importButton).toBeDisabled();
    await user.clear(name);
    await user.type(name, 'Imported Bot, spring');
    await user.click(importButton);
    await waitFor(() => expect(history.location.pathname).toBe(`/bots/${IMPORTED.id}/integrations`), { timeout: 5_000 });
    const sent = api.calls.filter((call) => call.method === 'POST').at(-1)!;
    expect(sent.url).toBe('/api/bots/import?name=Imported+Bot%2C+spring');
    expect(sent.body).toEqual(FILE);
  });

  it('imports a bot whose name is free as the file names it, with no question', async () => {
    const api = fakeApi({
      'GET /api/bots': () => ({ status: 200, body: { items: [{ ...BOT, name: 'Imported Bot old' }], nextCursor: null } }),
      'POST /api/bots/import': () => ({ status: 200, body: planOf([]) }),
    });
    renderApp('/');
    const { user, dialog } = await openDialog();
    await user.upload(within(dialog).getByLabelText('Choose a file'), jsonFile(FILE));
    await within(dialog).findByTestId('import-plan');
    expect(within(dialog).queryByTestId('import-name-clash')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeEnabled();
    expect(api.calls.filter((call) => call.method === 'POST').every((call) => !call.url.includes('name='))).toBe(true);
  });
});
