import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../../testing/fake-api';
import { renderApp } from '../../../testing/render-app';

const USAGE = {
  botId: '11111111-1111-4111-8111-111111111111',
  botName: 'Care Bot',
  integrationId: '22222222-2222-4222-8222-222222222222',
  integrationName: 'OrderStatus',
};
const CREDENTIAL = {
  id: '33333333-3333-4333-8333-333333333333',
  name: 'Orders API key',
  type: 'API_KEY',
  fields: { headerName: 'X-API-Key' },
  secretsSet: { apiKey: true },
  usedBy: [USAGE],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
};
const FUNCTIONS = [
  { id: 'fn-1', name: 'Loyalty points lookup', description: 'Reads points', state: 'Productive', usedBy: [], version: 4 },
  { id: 'fn-2', name: 'Order refund check', description: '', state: 'Draft', usedBy: [], version: 2 },
];

const SKILLS = [
  { id: '3402109731', name: 'Billing', version: 1 },
  { id: '3402109730', name: 'Customer Care', version: 1 },
];

describe('the directory pages', () => {
  it('show a failed load with Retry, and Retry loads the directory (skills, which list no usages)', async () => {
    let failing = true;
    fakeApi({
      'GET /api/skills': () =>
        failing
          ? { status: 502, body: { type: 'about:blank', title: 'Bad Gateway', status: 502, detail: 'LiveEngage did not answer.' } }
          : { status: 200, body: { items: SKILLS, source: 'local' } },
    });
    const user = userEvent.setup();
    renderApp('/skills');
    const error = await screen.findByTestId('error-state');
    expect(error).toHaveTextContent('Could not load the skills');
    expect(error).toHaveTextContent('LiveEngage did not answer.');
    failing = false;
    await user.click(within(error).getByRole('button', { name: 'Retry' }));
    const table = await screen.findByRole('table', { name: 'Skills' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['Billing, id 3402109731RenameDelete', 'Customer Care, id 3402109730RenameDelete']);
    // The id is in the name's tooltip, not on a line of its own under it.
    expect(within(table).getByText('Billing')).toHaveAttribute('title', 'Skill id: 3402109731');
    expect(within(table).getByText(', id 3402109731')).toHaveClass('visually-hidden');
  });

  it('add a skill with the id people type, and put a duplicate name from the server on the name field', async () => {
    const api = fakeApi({
      'GET /api/skills': () => ({ status: 200, body: { items: SKILLS, source: 'local' } }),
      'POST /api/skills': () => ({
        status: 409,
        body: {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          detail: 'A skill named "Billing" is already in the directory.',
          errors: { name: 'Skill name "Billing" is already used (names are unique, ignoring case).' },
        },
      }),
    });
    const user = userEvent.setup();
    renderApp('/skills');
    await screen.findByRole('table', { name: 'Skills' });
    await user.type(screen.getByLabelText('Skill id'), '3402109740');
    await user.type(screen.getByLabelText('Skill name'), 'Billing');
    await user.click(screen.getByRole('button', { name: 'Add skill' }));
    expect(await screen.findByTestId('error-name')).toHaveTextContent('already used');
    expect(screen.getByLabelText('Skill name')).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({ id: '3402109740', name: 'Billing' });
  });

  it('is read-only when the skills come from the Conversational Cloud account', async () => {
    fakeApi({ 'GET /api/skills': () => ({ status: 200, body: { items: SKILLS, source: 'liveperson' } }) });
    renderApp('/skills');
    await screen.findByRole('table', { name: 'Skills' });
    expect(screen.getByTestId('skills-source')).toHaveTextContent('read from your Conversational Cloud account');
    expect(screen.queryByRole('button', { name: 'Add skill' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete Billing' })).toBeNull();
  });

  it('says how old a list read from LivePerson is when LivePerson could not be read again, and only then', async () => {
    const fetchedAt = new Date(Date.now() - 7 * 60_000 - 5_000).toISOString();
    fakeApi({ 'GET /api/skills': () => ({ status: 200, body: { items: SKILLS, source: 'liveperson', fetchedAt, stale: true } }) });
    renderApp('/skills');
    await screen.findByRole('table', { name: 'Skills' });
    const age = screen.getByTestId('skills-age');
    expect(age).toHaveTextContent('Last read from LivePerson 7 minutes ago');
    expect(age).toHaveAttribute('role', 'status');
  });

  it('does not show the age of a fresh list read from LivePerson', async () => {
    const fetchedAt = new Date().toISOString();
    fakeApi({ 'GET /api/skills': () => ({ status: 200, body: { items: SKILLS, source: 'liveperson', fetchedAt, stale: false } }) });
    renderApp('/skills');
    await screen.findByRole('table', { name: 'Skills' });
    expect(screen.queryByTestId('skills-age')).toBeNull();
  });

  it('list credentials with their type, whether each secret is set, and the integrations that use them', async () => {
    fakeApi({ 'GET /api/credentials': () => ({ status: 200, body: { items: [CREDENTIAL] } }) });
    renderApp('/credentials');
    const table = await screen.findByRole('table', { name: 'Credentials' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Orders API key');
    expect(row).toHaveTextContent('API key');
    expect(within(row).getByTestId('pill-apiKey')).toHaveTextContent('API key: set');
    expect(within(row).getByRole('link', { name: 'Care Bot › OrderStatus' })).toHaveAttribute(
      'href',
      `/bots/${USAGE.botId}/integrations/${USAGE.integrationId}`,
    );
  });

  it('add a credential: the secret goes in a password field, and the server field errors come back to their fields', async () => {
    const api = fakeApi({
      'GET /api/credentials': () => ({ status: 200, body: { items: [] } }),
      'POST /api/credentials': () => ({
        status: 409,
        body: {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          detail: 'A credential named "Bearer" already exists.',
          errors: { name: 'Credential name "Bearer" is already used.' },
        },
      }),
    });
    const user = userEvent.setup();
    renderApp('/credentials');
    await screen.findByText('No credentials yet.');
    await user.type(screen.getByLabelText('Name'), 'Bearer');
    await user.selectOptions(screen.getByLabelText('Type'), 'BEARER');
    const token = screen.getByLabelText('Token');
    expect(token).toHaveAttribute('type', 'password');
    await user.type(token, 's3cret');
    await user.click(screen.getByRole('button', { name: 'Add credential' }));
    expect(await screen.findByText('Credential name "Bearer" is already used.')).toBeVisible();
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      name: 'Bearer',
      type: 'BEARER',
      fields: {},
      secrets: { token: 's3cret' },
    });
  });

  it('delete a credential and bring it back, secrets and all, with Undo in the toast', async () => {
    const unused = { ...CREDENTIAL, usedBy: [] };
    let items = [unused];
    const api = fakeApi({
      'GET /api/credentials': () => ({ status: 200, body: { items } }),
      [`DELETE /api/credentials/${CREDENTIAL.id}`]: () => {
        items = [];
        return { status: 204 };
      },
      [`POST /api/credentials/${CREDENTIAL.id}/restore`]: () => {
        items = [{ ...unused, version: 2 }];
        return { status: 201, body: items[0] };
      },
    });
    const user = userEvent.setup();
    renderApp('/credentials');
    await screen.findByRole('table', { name: 'Credentials' });
    await user.click(screen.getByRole('button', { name: 'Delete Orders API key' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No credentials yet.')).toBeVisible();
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Restored Orders API key')).toBeVisible();
    expect(await screen.findByRole('table', { name: 'Credentials' })).toHaveTextContent('API key: set');
    // The server puts it back as it was: the page never had its secrets to send.
    expect(api.calls.filter((call) => call.method === 'POST').map((call) => [call.path, call.body])).toEqual([
      [`/api/credentials/${CREDENTIAL.id}/restore`, undefined],
    ]);
  });

  it('rename and delete a function after confirmation; a refused delete shows the server reason', async () => {
    let items = FUNCTIONS;
    const api = fakeApi({
      'GET /api/functions': () => ({ status: 200, body: { items, source: 'local' } }),
      'PATCH /api/functions/fn-2': (call) => {
        items = items.map((fn) => (fn.id === 'fn-2' ? { ...fn, ...(call.body as object) } : fn));
        return { status: 200, body: items[1] };
      },
      'DELETE /api/functions/fn-1': () => ({
        status: 409,
        body: {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          detail: 'Function "Loyalty points lookup" is used by an integration (Care Bot › LoyaltyPoints): pick another one there first.',
        },
      }),
    });
    const user = userEvent.setup();
    renderApp('/functions');
    await screen.findByRole('table', { name: 'Functions' });
    await user.click(screen.getByRole('button', { name: 'Rename Order refund check' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rename function' });
    const input = within(dialog).getByLabelText('Name');
    await user.clear(input);
    await user.type(input, 'Refund check');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(await screen.findByRole('cell', { name: /Refund check/ })).toBeVisible();
    const patch = api.calls.find((call) => call.method === 'PATCH');
    expect(patch?.body).toEqual({ name: 'Refund check' });
    // Every write names the version it changes.
    expect(patch?.headers['if-match']).toBe('"2"');

    await user.click(screen.getByRole('button', { name: 'Delete Loyalty points lookup' }));
    const confirm = await screen.findByRole('alertdialog');
    expect(api.calls.some((call) => call.method === 'DELETE')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(confirm).toHaveTextContent('pick another one there first'));
    expect(api.calls.find((call) => call.method === 'DELETE')?.headers['if-match']).toBe('"4"');
  });

  it('are read-only when the list comes from the LivePerson account', async () => {
    fakeApi({
      'GET /api/knowledge-bases': () => ({
        status: 200,
        body: { items: [{ id: 'kb', name: 'FAQ', type: 'internal', language: 'en-US', usedBy: [] }], source: 'liveperson' },
      }),
    });
    renderApp('/knowledge-bases');
    await screen.findByRole('table', { name: 'Knowledge bases' });
    expect(screen.getByTestId('knowledge-bases-source')).toHaveTextContent('read from KnowledgeAI');
    expect(screen.queryByRole('button', { name: 'Add knowledge base' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete FAQ' })).toBeNull();
  });
});
