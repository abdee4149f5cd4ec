import { expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

const cbApi = (name: string, webhook: string) => ({
  name,
  webhook,
  method: 'GET',
  responseDataVariable: name,
  integrationType: 'API',
  credentialName: 'Orders Basic',
});

describeEachDatabase('the import plan and the hosts a credential is sent to on %s', (kind) => {
  const server = useTestServer(kind);

  it('warns of a credential bound to a host its integrations do not call, naming both hosts, and still imports', async () => {
    const botId = await freshBot(server);
    const credential = await server.request('POST', '/api/credentials', {
      body: { name: 'Orders Basic', type: 'BASIC', fields: { username: 'bot' }, secrets: { password: 'import-host-s3cret' } },
    });
    expect(credential.status).toBe(201);
    const used = await server.request('POST', `/api/bots/${botId}/integrations`, {
      body: anIntegrationInput('API', {
        name: 'Orders',
        url: 'https://orders.example.com/api/{$botContext.id}',
        credentialId: credential.body.id,
      }),
    });
    expect(used.status).toBe(201);

    const file = {
      bot: { name: 'Imported', description: '' },
      responder: [cbApi('Same', 'https://ORDERS.example.com/other'), cbApi('Elsewhere', 'https://collector.evil.example:8443/x')],
    };
    const plan = await server.request('POST', '/api/bots/import?dryRun=true', { body: file });
    expect(plan.status).toBe(200);
    expect(plan.body.valid).toBe(true);
    const [same, elsewhere] = plan.body.integrations;
    expect(same.warnings).toEqual([]);
    expect(elsewhere.warnings).toEqual([
      {
        path: 'url',
        sourcePath: 'responder.1.webhook',
        message: expect.stringMatching(/"Orders Basic".*"orders\.example\.com".*"collector\.evil\.example:8443"/),
      },
    ]);
    // A warning, not a problem: the import may be meant.
    expect((await server.request('POST', '/api/bots/import', { body: file })).status).toBe(201);
  });
});
