import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider on loopback for the tests of AUTH=oidc (oidc-provider, the certified
 * implementation): discovery, keys, authorization code with PKCE, ID tokens and userinfo, and login and
 * consent pages of its own (any login with any password, the login is the subject).
 * What each login's claims are is the test's to say; a login not listed gets an email and a name only.
 *
 * The pages are these, not the library's "dev interactions": those (and its error page) load Google Fonts,
 * and the e2e suite fails on any request that leaves 127.0.0.1. These reference nothing beyond themselves.
 */
export interface TestOpenIdProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Lets the panel at `origin` (known once it listens) send people back to /api/auth/callback/oidc. */
  allowPanel(origin: string): void;
  close(): Promise<void>;
}

type TestClaims = Record<string, Record<string, unknown>>;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** A whole page: no stylesheet, font, script or image from anywhere. */
const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
  `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;

function send(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(html);
}

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return new URLSearchParams(text);
}

const INTERACTION = /^\/interaction\/([\w-]+)(?:\/(login|confirm))?$/;

/** The login and consent steps the provider sends the browser to (`interactions.url`). */
async function interact(provider: Provider, request: IncomingMessage, response: ServerResponse, step: string | undefined) {
  const details = await provider.interactionDetails(request, response);
  const action = (name: string) => `/interaction/${encodeURIComponent(details.uid)}/${name}`;
  if (request.method === 'GET' && details.prompt.name === 'login') {
    return send(
      response,
      200,
      page(
        'Sign-in',
        `<form action="${action('login')}" method="post">` +
          `<p><label for="login">Login</label> <input id="login" name="login" type="text" autocomplete="username" required autofocus></p>` +
          `<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password"></p>` +
          `<p><button type="submit">Sign-in</button></p></form>`,
      ),
    );
  }
  if (request.method === 'GET' && details.prompt.name === 'consent') {
    return send(
      response,
      200,
      page(
        'Authorize',
        `<p>${escapeHtml(String(details.params.client_id))} asks for ${escapeHtml(String(details.params.scope ?? 'openid'))}.</p>` +
          `<form action="${action('confirm')}" method="post"><p><button type="submit">Continue</button></p></form>`,
      ),
    );
  }
  if (request.method === 'POST' && step === 'login' && details.prompt.name === 'login') {
    const login = (await formOf(request)).get('login')?.trim();
    if (!login) return send(response, 400, page('Sign-in', '<p>Give a login.</p>'));
    return provider.interactionFinished(request, response, { login: { accountId: login } }, { mergeWithLastSubmission: false });
  }
  if (request.method === 'POST' && step === 'confirm' && details.prompt.name === 'consent') {
    await formOf(request);
    const { prompt, grantId, session, params } = details;
    const grant =
      (grantId ? await provider.Grant.find(grantId) : undefined) ??
      new provider.Grant({ accountId: session!.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    return provider.interactionFinished(request, response, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }
  send(
    response,
    400,
    page('Sign-in', `<p>Nothing to do for ${escapeHtml(request.method ?? '')} ${escapeHtml(step ?? 'this step')} now.</p>`),
  );
}

export async function startOpenIdProvider(options: { port?: number; claims: TestClaims }): Promise<TestOpenIdProvider> {
  let provider: Provider | null = null;
  let handle: ReturnType<Provider['callback']> | null = null;
  const server: Server = createServer((request, response) => {
    if (!provider || !handle) {
      response.statusCode = 503;
      response.end('The test provider has no client yet.');
      return;
    }
    const interaction = INTERACTION.exec(new URL(request.url ?? '/', 'http://provider').pathname);
    if (!interaction) return handle(request, response);
    interact(provider, request, response, interaction[2]).catch((error: unknown) => {
      if (!response.headersSent) send(response, 400, page('Sign-in failed', `<pre>${escapeHtml(String(error))}</pre>`));
      else response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const clientId = 'integrations-panel';
  const clientSecret = randomBytes(24).toString('base64url');

  const claimsOf = (login: string) => ({
    sub: login,
    email: `${login}@idp.example`,
    email_verified: true,
    name: login,
    ...options.claims[login],
  });

  return {
    issuer,
    clientId,
    clientSecret,
    allowPanel(origin) {
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [`${origin}/api/auth/callback/oidc`],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        findAccount: (_context: unknown, id: string) => ({ accountId: id, claims: () => claimsOf(id) }),
        // The role travels with the profile, as an organisation's provider would add it there.
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'role', 'groups'] },
        cookies: { keys: [randomBytes(32).toString('hex')] },
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_context: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
        // The library's own error page loads Google Fonts too.
        renderError(context: { type: string; body: string }, out: Record<string, string>) {
          context.type = 'html';
          context.body = page(
            'Sign-in failed',
            Object.entries(out)
              .map(([key, value]) => `<p><strong>${escapeHtml(key)}</strong>: ${escapeHtml(String(value))}</p>`)
              .join(''),
          );
        },
      });
      handle = provider.callback();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
