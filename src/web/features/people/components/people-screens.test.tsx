import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, type FakeCall } from '../../../testing/fake-api';
import { renderApp } from '../../../testing/render-app';

const ADMIN_ME = { id: 'p-ada', email: 'ada@example.com', name: 'Ada Admin', role: 'admin', authMode: 'accounts' };
const BUILDER_ME = { ...ADMIN_ME, id: 'p-bea', email: 'bea@example.com', name: 'Bea Builder', role: 'builder' };
const BOT_ID = '11111111-1111-4111-8111-111111111111';
const INTEGRATION_ID = '22222222-2222-4222-8222-222222222222';
const person = (id: string, name: string, role: string, active = true) => ({
  id,
  email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
  name,
  role,
  active,
  createdAt: '2026-12-01T10:00:00.000Z',
});
const entry = (id: number, action: string, actor: string) => ({
  id: String(id),
  at: '2026-12-07T10:00:00.000Z',
  actor: { id: `p-${actor.toLowerCase()}`, name: actor, kind: 'person' },
  action,
  botId: BOT_ID,
  integrationId: INTEGRATION_ID,
  summary: `Entry ${id}`,
});

describe('the People screen', () => {
  it('adds a person without a password and shows the invite link once; changes a role; deactivates', async () => {
    const people = [person('p-ada', 'Ada Admin', 'admin'), person('p-bea', 'Bea Builder', 'builder')];
    const api = fakeApi({
      'GET /api/me': () => ({ status: 200, body: ADMIN_ME }),
      'GET /api/people': () => ({ status: 200, body: { items: people } }),
      'POST /api/people': (call: FakeCall) => {
        const body = call.body as { name: string; role: string };
        const added = person('p-vic', body.name, body.role);
        people.push(added);
        return { status: 201, body: { person: added, inviteUrl: 'http://127.0.0.1/invite?token=abc123' } };
      },
      'PATCH /api/people/p-bea': (call: FakeCall) => {
        Object.assign(people[1]!, call.body);
        return { status: 200, body: people[1] };
      },
    });
    const user = userEvent.setup();
    renderApp('/people');
    const add = await screen.findByRole('region', { name: 'Add a person' });
    // Checked before it is sent: the email and the name are required.
    await user.click(within(add).getByRole('button', { name: 'Add person' }));
    expect(within(add).getByLabelText('Email')).toHaveAccessibleDescription('Enter an email address such as ana@example.com.');
    expect(within(add).getByLabelText('Email')).toHaveFocus();
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);

    await user.type(within(add).getByLabelText('Email'), 'vic@example.com');
    await user.type(within(add).getByLabelText('Name'), 'Vic Viewer');
    await user.selectOptions(within(add).getByLabelText('Role'), 'viewer');
    await user.click(within(add).getByRole('button', { name: 'Add person' }));
    const link = await within(add).findByLabelText('Invite link for Vic Viewer');
    expect(link).toHaveValue('http://127.0.0.1/invite?token=abc123');
    expect(link).toHaveFocus();
    expect(api.calls.find((call) => call.method === 'POST')!.body).toEqual({
      email: 'vic@example.com',
      name: 'Vic Viewer',
      role: 'viewer',
    });

    const list = await screen.findByRole('list', { name: 'People' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    // Your own role and account are another admin's to change.
    expect(within(list).getByLabelText('Role of Ada Admin')).toBeDisabled();
    expect(within(list).queryByRole('button', { name: 'Deactivate Ada Admin' })).not.toBeInTheDocument();

    await user.selectOptions(within(list).getByLabelText('Role of Bea Builder'), 'admin');
    await user.click(within(list).getByRole('button', { name: 'Deactivate Bea Builder' }));
    await within(list).findByRole('button', { name: 'Reactivate Bea Builder' });
    expect(api.calls.filter((call) => call.method === 'PATCH').map((call) => call.body)).toEqual([{ role: 'admin' }, { active: false }]);
  });

  it('tells a builder that only admins manage people, and asks nothing of /api/people', async () => {
    const api = fakeApi({ 'GET /api/me': () => ({ status: 200, body: BUILDER_ME }) });
    renderApp('/people');
    expect(await screen.findByText('Only admins manage people')).toBeInTheDocument();
    expect(api.calls.some((call) => call.path === '/api/people')).toBe(false);
  });
});

describe('the API keys screen', () => {
  it('creates a key with a role no higher than yours, shows it once, and revokes one after asking', async () => {
    const keys = [
      {
        id: 'k-1',
        name: 'Old CI',
        role: 'builder',
        start: 'ip_ab',
        createdAt: '2026-11-01T10:00:00.000Z',
        expiresAt: null,
        lastUsedAt: '2026-12-06T09:00:00.000Z',
      },
    ];
    const api = fakeApi({
      'GET /api/me': () => ({ status: 200, body: BUILDER_ME }),
      'GET /api/me/api-keys': () => ({ status: 200, body: { items: keys } }),
      'POST /api/me/api-keys': (call: FakeCall) => ({
        status: 201,
        body: { id: 'k-2', name: (call.body as { name: string }).name, role: 'viewer', key: 'ip_secret_key_value' },
      }),
      'DELETE /api/me/api-keys/k-1': () => {
        keys.splice(0, 1);
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderApp('/me/api-keys');
    const create = await screen.findByRole('region', { name: 'Create an API key' });
    expect(
      within(within(create).getByLabelText('Role'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['viewer', 'builder']);
    await user.type(within(create).getByLabelText('Name'), 'QA e2e');
    await user.selectOptions(within(create).getByLabelText('Role'), 'viewer');
    await user.selectOptions(within(create).getByLabelText('Expires'), 'In 30 days');
    await user.click(within(create).getByRole('button', { name: 'Create key' }));
    expect(await within(create).findByLabelText('The key QA e2e')).toHaveValue('ip_secret_key_value');
    const sent = api.calls.find((call) => call.method === 'POST')!.body as { name: string; role: string; expiresAt: string };
    expect(sent).toMatchObject({ name: 'QA e2e', role: 'viewer' });
    expect(new Date(sent.expiresAt).getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);

    const list = screen.getByRole('list', { name: 'Your API keys' });
    expect(within(list).getByRole('listitem')).toHaveTextContent(/Last used .*2026/);
    await user.click(within(list).getByRole('button', { name: 'Revoke Old CI' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Revoke Old CI?' });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    expect(await screen.findByText('No API keys yet')).toBeInTheDocument();
  });
});

describe('the Activity screen', () => {
  it('keeps its filters in the address, pages with nextCursor, and links each entry to what it changed', async () => {
    const api = fakeApi({
      'GET /api/me': () => ({ status: 200, body: BUILDER_ME }),
      'GET /api/bots': () => ({ status: 200, body: { items: [{ id: BOT_ID, name: 'Care Bot' }], nextCursor: null } }),
      'GET /api/audit': (call: FakeCall) =>
        new URL(call.url, 'http://x').searchParams.get('cursor') === '2'
          ? { status: 200, body: { items: [entry(1, 'create', 'Bea')], nextCursor: null } }
          : { status: 200, body: { items: [entry(3, 'save', 'Bea'), entry(2, 'rename', 'Bea')], nextCursor: '2' } },
    });
    const user = userEvent.setup();
    const { history } = renderApp('/activity?action=save');
    const list = await screen.findByRole('list', { name: 'Activity' });
    expect(screen.getByLabelText('Action')).toHaveValue('save');
    expect(api.calls.find((call) => call.path === '/api/audit')!.url).toContain('action=save');
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Saved by Bea');
    expect(within(list).getAllByRole('link', { name: 'Open the integration' })[0]).toHaveAttribute(
      'href',
      `/bots/${BOT_ID}/integrations/${INTEGRATION_ID}`,
    );

    await user.click(screen.getByRole('button', { name: 'Show older entries' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: 'Show older entries' })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Person'), 'Bea');
    expect(history.location.search).toContain('actor=p-bea');
    await waitFor(() => expect(api.calls.some((call) => call.url.includes('actor=p-bea'))).toBe(true));
  });

  it('says when nothing matches, and shows a failed load with Retry', async () => {
    let failing = true;
    fakeApi({
      'GET /api/bots': () => ({ status: 200, body: { items: [], nextCursor: null } }),
      'GET /api/audit': () =>
        failing
          ? { status: 500, body: { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Boom.' } }
          : { status: 200, body: { items: [], nextCursor: null } },
    });
    const user = userEvent.setup();
    renderApp('/activity?since=2026-12-01T00:00:00.000Z');
    const error = await screen.findByTestId('error-state');
    expect(error).toHaveTextContent('The activity could not be loaded');
    failing = false;
    await user.click(within(error).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Nothing matches these filters')).toBeInTheDocument();
  });
});

describe('the top bar and the credentials prompt', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('asks for email and password on a 401, offers the identity provider when the server names one, and says a wrong password', async () => {
    let signedIn = false;
    fakeApi({
      'GET /api/me': () =>
        signedIn
          ? { status: 200, body: BUILDER_ME }
          : {
              status: 401,
              body: {
                type: 'about:blank',
                title: 'Unauthorized',
                status: 401,
                detail: 'Sign in.',
                signIn: '/api/auth/sign-in/email',
                signInWith: { name: 'Okta', url: '/api/auth/oidc/start' },
              },
            },
      'GET /api/bots': () =>
        signedIn
          ? { status: 200, body: { items: [], nextCursor: null } }
          : {
              status: 401,
              body: { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Sign in.', signIn: '/api/auth/sign-in/email' },
            },
      'POST /api/auth/sign-in/email': (call: FakeCall) => {
        if ((call.body as { password: string }).password !== 'right password')
          return {
            status: 401,
            body: { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'The email or the password is not right.' },
          };
        signedIn = true;
        return { status: 200, body: { user: { id: 'p-bea' } } };
      },
    });
    const user = userEvent.setup();
    // The browser's address, where the provider's sign-in comes back to.
    window.history.replaceState(null, '', '/?q=care');
    renderApp('/?q=care');
    const dialog = await screen.findByRole('dialog', { name: 'Sign in' });
    // A link to the server's start (a GET it answers 302 to the provider), returning to this address.
    expect(within(dialog).getByRole('link', { name: 'Sign in with Okta' })).toHaveAttribute(
      'href',
      '/api/auth/oidc/start?returnTo=%2F%3Fq%3Dcare',
    );
    expect(within(dialog).getByLabelText('Email')).toHaveFocus();
    await user.type(within(dialog).getByLabelText('Email'), 'bea@example.com');
    await user.type(within(dialog).getByLabelText('Password'), 'wrong');
    await user.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The email or the password is not right.');
    await user.clear(within(dialog).getByLabelText('Password'));
    await user.type(within(dialog).getByLabelText('Password'), 'right password');
    await user.click(within(dialog).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Sign in' })).not.toBeInTheDocument());

    // The person in the top bar, with what is theirs: a builder has no People.
    await user.click(await screen.findByRole('button', { name: 'Bea Builder, builder: account menu' }));
    expect(screen.getByRole('link', { name: 'API keys' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Activity' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'People' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    // A builder may create bots; nothing hides it.
    expect(screen.getByRole('button', { name: 'Import bot' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Bea Builder, builder: account menu' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Bea Builder, builder: account menu' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('says a sign-in through the provider came back refused, and offers it again to where the person was', async () => {
    const refused = {
      status: 401,
      body: {
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        detail: 'Sign in.',
        signIn: '/api/auth/sign-in/email',
        signInWith: { name: 'Okta', url: '/api/auth/oidc/start' },
      },
    };
    fakeApi({ 'GET /api/me': () => refused, 'GET /api/bots': () => refused });
    // Where the server sends a failed sign-in back (OIDC_ERROR_PATH), with the library's reason.
    window.history.replaceState(null, '', '/?signInError=oidc&error=access_denied');
    renderApp('/?signInError=oidc&error=access_denied');
    const dialog = await screen.findByRole('dialog', { name: 'Sign in' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Signing in with Okta did not work (access denied): try again.');
    expect(within(dialog).getByRole('link', { name: 'Sign in with Okta' })).toHaveAttribute('href', '/api/auth/oidc/start?returnTo=%2F');
  });
});
