import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppAuthOptions } from '../app';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { startOpenIdProvider, type TestOpenIdProvider } from './testing/openid-provider';

const ADMIN_TOKEN = 'oidc-test-admin-token';
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

let provider: TestOpenIdProvider;
beforeAll(async () => {
  provider = await startOpenIdProvider({
    port: Number(process.env.OIDC_TEST_PORT ?? 0),
    claims: {
      ana: { name: 'Ana Lima', role: 'builder' },
      cy: { name: 'Cy Groups', role: ['viewer', 'Admin'] },
      dee: { name: 'Dee Owner', role: 'owner' },
    },
  });
});
afterAll(() => provider?.close());

/**
 * A browser's part of the sign-in, and no more: follows redirects, keeps cookies (one host, as a browser
 * keeps them for 127.0.0.1 whatever the port), and submits the provider's login and consent forms.
 */
async function signInThroughProvider(panel: string, login: string, returnTo = '/bots') {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const [name, value] = [pair!.slice(0, pair!.indexOf('=')).trim(), pair!.slice(pair!.indexOf('=') + 1)];
      const expired = attributes.some(
        (a) => /^\s*max-age=0$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()),
      );
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const visited: string[] = [];
  let url = new URL(`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`, panel);
  let init: RequestInit = {};
  for (let step = 0; step < 20; step++) {
    visited.push(url.href);
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as object), cookie: cookie() } });
    keep(response);
    init = {};
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url);
      // Back on the panel, past its auth routes: where the browser lands.
      if (next.origin === panel && !next.pathname.startsWith('/api/auth/')) return { landed: next, session: cookie(), visited };
      url = next;
      continue;
    }
    const html = await response.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(html);
    if (response.status !== 200 || !form) throw new Error(`${url.href} answered ${response.status}: ${html.slice(0, 300)}`);
    const fields = new URLSearchParams();
    for (const input of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/gi))
      fields.set(input[1]!, input[2]!);
    if (/name="login"/.test(html)) {
      fields.set('login', login);
      fields.set('password', 'any password the test provider takes');
    }
    url = new URL(form[1]!.replace(/&amp;/g, '&'), url);
    init = { method: 'POST', body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error(`No landing after ${visited.join(' → ')}`);
}

describeEachDatabase('sign-in through a real OpenID provider (AUTH=oidc) on %s', (kind) => {
  const auth: AppAuthOptions = { mode: 'oidc', secretsKey: randomBytes(32), secureCookies: false };
  // The provider listens before the panel is built (its beforeAll is the file's, so it runs first).
  beforeAll(() => {
    auth.oidc = {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      roleClaim: 'role',
      defaultRole: 'viewer',
      providerName: 'Test IdP',
      scopes: ['openid', 'email', 'profile'],
    };
  });
  const server = useTestServer(kind, { adminToken: ADMIN_TOKEN, auth });
  beforeAll(() => provider.allowPanel(server.baseUrl));

  const me = (session: string) => server.request('GET', '/api/me', { headers: { cookie: session } });

  it('tells a caller without a session where the provider’s sign-in starts', async () => {
    const answer = await server.request('GET', '/api/bots');
    expect(answer.status).toBe(401);
    expect(answer.body.signInWith).toEqual({ name: 'Test IdP', url: '/api/auth/oidc/start' });
  });

  it('creates the person at the first sign-in with the role the claim names, and finds them again at the second', async () => {
    const first = await signInThroughProvider(server.baseUrl, 'ana');
    expect(first.landed.pathname).toBe('/bots');
    // The browser went through the provider's own login and consent pages.
    expect(first.visited.some((address) => address.startsWith(`${provider.issuer}/interaction/`))).toBe(true);
    const ana = await me(first.session);
    expect(ana.status).toBe(200);
    expect(ana.body).toEqual({ id: expect.any(String), email: 'ana@idp.example', name: 'Ana Lima', role: 'builder', authMode: 'oidc' });

    const before = (await server.request('GET', '/api/people', { headers: admin })).body.items.length;
    // An admin changes the role in People: a later sign-in keeps it (the claim names the first role only).
    expect((await server.request('PATCH', `/api/people/${ana.body.id}`, { headers: admin, body: { role: 'viewer' } })).status).toBe(200);
    const second = await signInThroughProvider(server.baseUrl, 'ana', '/');
    expect(second.landed.pathname).toBe('/');
    expect(second.session).not.toBe(first.session);
    const again = await me(second.session);
    expect(again.body).toMatchObject({ id: ana.body.id, role: 'viewer' });
    expect((await server.request('GET', '/api/people', { headers: admin })).body.items.length).toBe(before);

    const trail = await server.request('GET', '/api/audit?action=sign-in', { headers: admin });
    expect(trail.body.items.filter((entry: { actor: { id: string } }) => entry.actor.id === ana.body.id)).toEqual([
      expect.objectContaining({ summary: 'Signed in through Test IdP as ana@idp.example' }),
      expect.objectContaining({ summary: 'Signed in through Test IdP as ana@idp.example' }),
    ]);
  });

  it('takes the highest role a list claim names, and OIDC_DEFAULT_ROLE when the claim names none of ours', async () => {
    expect((await me((await signInThroughProvider(server.baseUrl, 'cy')).session)).body.role).toBe('admin');
    expect((await me((await signInThroughProvider(server.baseUrl, 'dee')).session)).body.role).toBe('viewer');
    expect((await me((await signInThroughProvider(server.baseUrl, 'eve')).session)).body).toMatchObject({
      name: 'eve',
      email: 'eve@idp.example',
      role: 'viewer',
    });
  });

  it('returns only to a page of the panel', async () => {
    const landed = await signInThroughProvider(server.baseUrl, 'fay', '//elsewhere.example/steal');
    expect(landed.landed.href).toBe(`${server.baseUrl}/`);
  });

  it('refuses a deactivated person at the provider’s callback: no session', async () => {
    const first = await me((await signInThroughProvider(server.baseUrl, 'gus')).session);
    expect((await server.request('PATCH', `/api/people/${first.body.id}`, { headers: admin, body: { active: false } })).status).toBe(200);
    const refused = await signInThroughProvider(server.baseUrl, 'gus');
    expect(refused.landed.searchParams.get('signInError')).toBe('oidc');
    expect((await me(refused.session)).status).toBe(401);
  });
});
