import { expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

// Distinct, unguessable values: finding any of them in an answer means a secret leaked.
const SECRETS = {
  clientSecret: 'oauth-client-s3cret-5d1c9a',
  password: 'basic-pa55-8e2f70',
  apiKey: 'api-key-value-c4b7d2',
  token: 'bearer-token-value-a19e33',
  envSecret: 'environment-secret-6e0b4f',
};

/** Answers in every encoding a client could read them in: the text as sent, and base64 of it. */
function leaks(text: string): string[] {
  return Object.values(SECRETS).filter((secret) => text.includes(secret) || text.includes(Buffer.from(secret).toString('base64')));
}

describeEachDatabase('credential secrets in answers on %s', (kind) => {
  const lines: string[] = [];
  const server = useTestServer(kind, { logLevel: 'trace', logStream: { write: (line: string) => void lines.push(line) } });

  it('are in no answer of any route of the app, reads and writes alike, nor in a log line', async () => {
    const botId = await freshBot(server, 'Secrets');
    // An environment's secret variable is a secret like a credential's, and the bot runs with it.
    const environment = await server.request('POST', '/api/environments', {
      body: { name: 'Secret env', variables: [{ name: 'TOKEN', value: SECRETS.envSecret, secret: true }] },
    });
    expect(environment.status).toBe(201);
    await server.request('PATCH', `/api/bots/${botId}`, { body: { environmentId: environment.body.id }, headers: { 'if-match': '*' } });
    const ids: Record<string, string> = {};
    for (const [type, fields, secrets] of [
      ['OAUTH2', { tokenUrl: 'https://auth.example.com/token', clientId: 'panel' }, { clientSecret: SECRETS.clientSecret }],
      ['BASIC', { username: 'bot' }, { password: SECRETS.password }],
      ['API_KEY', { headerName: 'X-Key' }, { apiKey: SECRETS.apiKey }],
      ['BEARER', {}, { token: SECRETS.token }],
    ] as const) {
      const created = await server.request('POST', '/api/credentials', { body: { name: `Cred ${type}`, type, fields, secrets } });
      expect(created.status).toBe(201);
      ids[type] = created.body.id;
    }
    const integration = await server.request('POST', `/api/bots/${botId}/integrations`, {
      body: anIntegrationInput('API', { credentialId: ids.BASIC }),
    });
    const fn = await server.request('POST', '/api/functions', { body: { name: 'Walk fn', state: 'Productive' } });
    const kb = await server.request('POST', '/api/knowledge-bases', { body: { name: 'Walk kb' } });
    const skill = await server.request('POST', '/api/skills', { body: { id: 7654321, name: 'Walk skill' } });

    const idFor = (route: string): string => {
      if (route.startsWith('/api/environments/')) return environment.body.id;
      if (route.startsWith('/api/credentials/')) return ids.BASIC!;
      if (route.startsWith('/api/functions/')) return fn.body.id;
      if (route.startsWith('/api/knowledge-bases/')) return kb.body.id;
      if (route.startsWith('/api/skills/')) return String(skill.body.id);
      return integration.body.id;
    };
    const document = (await server.request<OpenApiDocument>('GET', '/api/openapi.json')).body;
    const operations = Object.entries(document.paths).flatMap(([route, methods]) =>
      Object.keys(methods).map((method) => ({ route, method: method.toUpperCase() })),
    );
    // Deletes last, so every other route still finds what it reads.
    operations.sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    expect(operations.length).toBeGreaterThan(30);

    const extraQueries: Record<string, string[]> = { '/api/bots/{botId}/export': ['?format=cb', '?format=native'] };
    const bodies: Record<string, unknown> = {
      // A run that prints the secret: what it answers must mask it.
      'POST /api/bots/{botId}/simulate': {
        integration: anIntegrationInput('API', { transformScript: "botContext.printDebugMessage(botContext.getEnvVariable('TOKEN'));" }),
        sample: { status: 200, body: '{}' },
      },
    };
    const answered: string[] = [];
    for (const { route, method } of operations) {
      const path = route.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'botId' ? botId : name === 'version' ? '1' : idFor(route)));
      for (const query of extraQueries[route] ?? ['']) {
        const body = bodies[`${method} ${route}`] ?? {};
        const response = await server.request(method, path + query, method === 'GET' || method === 'DELETE' ? {} : { body });
        const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
        expect(leaks(text), `${method} ${route}${query} answered ${response.status}`).toEqual([]);
        expect(leaks([...response.headers.values()].join('\n')), `${method} ${route} headers`).toEqual([]);
        answered.push(`${method} ${route}${query} ${response.status}`);
      }
    }
    // The walk reached the answers that carry credentials, not only refusals.
    expect(answered).toContain('GET /api/credentials 200');
    expect(answered).toContain('GET /api/credentials/{id} 200');
    expect(answered).toContain('GET /api/bots/{botId}/export?format=cb 200');
    expect(answered).toContain('GET /api/bots/{botId}/export?format=native 200');
    expect(answered).toContain('GET /api/bots/{botId}/integrations/{id} 200');
    expect(answered).toContain('GET /api/environments 200');
    expect(answered).toContain('GET /api/environments/{id} 200');
    expect(answered).toContain('POST /api/bots/{botId}/simulate 200');
    expect(lines.length).toBeGreaterThan(50);
    expect(leaks(lines.join('\n'))).toEqual([]);
  });
});
