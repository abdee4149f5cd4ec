import { beforeEach, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

// These tests are about other things than versions: each write names whatever version is current.
const ANY_VERSION = { 'if-match': '*' };

const SECRET = 'import-test-s3cret-0b7d';

// The harness parses JSON answers; an export is JSON sent as an attachment.
const fileOf = (body: unknown) => (typeof body === 'string' ? JSON.parse(body) : body);

const cbFile = (responder: Record<string, unknown>[]) => ({ bot: { name: 'Imported', description: '' }, responder });
const cbApi = (extra: Record<string, unknown>) => ({
  name: 'Orders',
  webhook: 'https://orders.example.com/x',
  method: 'GET',
  responseDataVariable: 'Orders',
  integrationType: 'API',
  ...extra,
});

describeEachDatabase('credentials in import and export on %s', (kind) => {
  const server = useTestServer(kind);
  let credentialId: string;
  beforeEach(async () => {
    await freshBot(server);
    const created = await server.request('POST', '/api/credentials', {
      body: { name: 'Orders Basic', type: 'BASIC', fields: { username: 'bot' }, secrets: { password: SECRET } },
    });
    credentialId = created.body.id;
  });

  it('maps a CB file credential by name, ignoring case, to this account credential id', async () => {
    const file = cbFile([
      cbApi({ credentialName: 'orders basic' }),
      {
        ...cbApi({}),
        name: 'Upload',
        responseDataVariable: 'Upload',
        integrationType: 'FILE',
        method: 'PUT',
        credentialName: 'Orders Basic',
      },
    ]);
    const plan = await server.request('POST', '/api/bots/import?dryRun=true', { body: file });
    expect(plan.body.valid).toBe(true);
    expect(plan.body.integrations.map((item: { values: { credentialId: string } }) => item.values.credentialId)).toEqual([
      credentialId,
      credentialId,
    ]);
    const imported = await server.request('POST', '/api/bots/import', { body: file });
    expect(imported.status).toBe(201);
    expect(imported.body.integrations.map((integration: { credentialId: string }) => integration.credentialId)).toEqual([
      credentialId,
      credentialId,
    ]);
    const listed = await server.request('GET', `/api/credentials/${credentialId}`);
    expect(listed.body.usedBy.map((usage: { integrationName: string }) => usage.integrationName).sort()).toEqual(['Orders', 'Upload']);
  });

  it('reports a credential the account lacks as a problem of the plan, and imports nothing', async () => {
    const file = cbFile([cbApi({ credentialName: 'Payments OAuth' })]);
    const plan = await server.request('POST', '/api/bots/import?dryRun=true', { body: file });
    expect(plan.body.valid).toBe(false);
    expect(plan.body.problemCount).toBe(1);
    expect(plan.body.integrations[0].problems).toEqual([
      expect.objectContaining({
        path: 'credentialId',
        sourcePath: 'responder.0.credentialName',
        message: expect.stringContaining('"Payments OAuth"'),
      }),
    ]);
    const refused = await server.request('POST', '/api/bots/import', { body: file });
    expect(refused.status).toBe(400);
    expect(refused.body.errors['responder.0.credentialName']).toContain('Payments OAuth');
    expect((await server.request('GET', '/api/bots')).body.items.map((bot: { name: string }) => bot.name)).not.toContain('Imported');
  });

  it('exports the credential by its current name to CB, by id natively, and never its secret', async () => {
    const botId = (await server.request('POST', '/api/bots', { body: { name: 'Exporter' } })).body.id;
    await server.request('POST', `/api/bots/${botId}/integrations`, { body: anIntegrationInput('API', { credentialId }) });
    await server.request('PATCH', `/api/credentials/${credentialId}`, { headers: ANY_VERSION, body: { name: 'Orders login' } });
    const cb = await server.request('GET', `/api/bots/${botId}/export?format=cb`);
    const entry = fileOf(cb.body).responder[0];
    expect(entry.credentialName).toBe('Orders login');
    expect(entry).not.toHaveProperty('credentialId');
    const native = await server.request('GET', `/api/bots/${botId}/export?format=native`);
    expect(fileOf(native.body).integrations[0].credentialId).toBe(credentialId);
    for (const body of [cb.body, native.body]) expect(JSON.stringify(body)).not.toContain(SECRET);

    // Back in: the CB file maps by name, the native file by id; without the credential, both are problems.
    expect((await server.request('POST', '/api/bots/import?dryRun=true', { body: fileOf(cb.body) })).body.valid).toBe(true);
    expect((await server.request('POST', '/api/bots/import?dryRun=true', { body: fileOf(native.body) })).body.valid).toBe(true);
    await server.request(
      'PUT',
      `/api/bots/${botId}/integrations/${(await server.request('GET', `/api/bots/${botId}/integrations`)).body.items[0].id}`,
      {
        headers: { 'if-match': '"1"' },
        body: anIntegrationInput('API', { credentialId: '' }),
      },
    );
    expect((await server.request('DELETE', `/api/credentials/${credentialId}`, { headers: ANY_VERSION })).status).toBe(204);
    const nativePlan = (await server.request('POST', '/api/bots/import?dryRun=true', { body: fileOf(native.body) })).body;
    expect(nativePlan.integrations[0].problems[0]).toMatchObject({ sourcePath: 'integrations.0.credentialId' });
  });
});
