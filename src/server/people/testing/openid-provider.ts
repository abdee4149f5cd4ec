import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider on loopback for the tests of AUTH=oidc (oidc-provider, the certified
 * implementation): discovery, keys, authorization code with PKCE, ID tokens and userinfo, and its own login
 * and consent pages (its "dev interactions": any login with any password, the login is the subject).
 * What each login's claims are is the test's to say; a login not listed gets an email and a name only.
 */
export interface TestOpenIdProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Lets the panel at `origin` (known once it listens) send people back to /api/auth/callback/oidc. */
  allowPanel(origin: string): void;
  close(): Promise<void>;
}

export type TestClaims = Record<string, Record<string, unknown>>;

export async function startOpenIdProvider(options: { port?: number; claims: TestClaims }): Promise<TestOpenIdProvider> {
  let handle: ReturnType<Provider['callback']> | null = null;
  const server: Server = createServer((request, response) => {
    if (handle) return handle(request, response);
    response.statusCode = 503;
    response.end('The test provider has no client yet.');
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
      const provider = new Provider(issuer, {
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
        features: { devInteractions: { enabled: true } },
      });
      handle = provider.callback();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
