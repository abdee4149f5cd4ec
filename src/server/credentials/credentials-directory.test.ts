import { sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

// These tests are about other things than versions: each write names whatever version is current.
const ANY_VERSION = { 'if-match': '*' };

const PASSWORD = 'basic-pa55word-7f3e';
const NEW_PASSWORD = 'rotated-pa55word-91ab';

describeEachDatabase('credentials API on %s', (kind) => {
  const lines: string[] = [];
  const server = useTestServer(kind, { logLevel: 'trace', logStream: { write: (line: string) => void lines.push(line) } });
  let botId: string;
  beforeEach(async () => {
    botId = await freshBot(server);
  });

  const basic = (overrides: Record<string, unknown> = {}) => ({
    name: 'Orders Basic',
    type: 'BASIC',
    fields: { username: 'bot' },
    secrets: { password: PASSWORD },
    ...overrides,
  });

  it('adds a credential and answers only whether each secret is set; the table holds the secret sealed', async () => {
    const created = await server.request('POST', '/api/credentials', { body: basic() });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/credentials/${created.body.id}`);
    expect(created.body).toMatchObject({
      name: 'Orders Basic',
      type: 'BASIC',
      fields: { username: 'bot' },
      secretsSet: { password: true },
      usedBy: [],
      version: 1,
    });
    expect(JSON.stringify(created.body)).not.toContain(PASSWORD);

    const stored = await server.database.db.execute(sql`select secrets::text as secrets from credentials where id = ${created.body.id}`);
    const text = JSON.stringify((stored as unknown as { rows: unknown[] }).rows ?? stored);
    expect(text).not.toContain(PASSWORD);
    expect(text).toMatch(/v1\./);

    const bearer = await server.request('POST', '/api/credentials', { body: { name: 'Token only', type: 'BEARER' } });
    expect(bearer.body).toMatchObject({ fields: {}, secretsSet: { token: false } });
  });

  it('validates the type and the fields of that type', async () => {
    const wrongType = await server.request('POST', '/api/credentials', { body: basic({ type: 'KERBEROS' }) });
    expect(wrongType.status).toBe(400);
    const foreignField = await server.request('POST', '/api/credentials', { body: basic({ secrets: { apiKey: 'x' } }) });
    expect(foreignField.status).toBe(400);
    expect(Object.keys(foreignField.body.errors).join()).toContain('secrets');
    const emptySecret = await server.request('POST', '/api/credentials', { body: basic({ secrets: { password: '' } }) });
    expect(emptySecret.status).toBe(400);
    await server.request('POST', '/api/credentials', { body: basic() });
    const sameName = await server.request('POST', '/api/credentials', { body: basic({ name: 'orders basic' }) });
    expect(sameName.status).toBe(409);
    expect(sameName.body.errors).toHaveProperty('name');
  });

  it('lists and searches, renames keeping references, replaces and clears secrets', async () => {
    const created = (await server.request('POST', '/api/credentials', { body: basic() })).body;
    await server.request('POST', '/api/credentials', {
      body: { name: 'Search key', type: 'API_KEY', fields: { headerName: 'X-Key' }, secrets: { apiKey: 'k' } },
    });
    const integration = (
      await server.request('POST', `/api/bots/${botId}/integrations`, { body: anIntegrationInput('API', { credentialId: created.id }) })
    ).body;

    expect((await server.request('GET', '/api/credentials')).body.items.map((c: { name: string }) => c.name)).toEqual([
      'Orders Basic',
      'Search key',
    ]);
    const found = await server.request('GET', '/api/credentials?q=ORDERS');
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0].usedBy).toEqual([
      { botId, botName: 'Test Bot', integrationId: integration.id, integrationName: 'OrderStatus' },
    ]);

    const renamed = await server.request('PATCH', `/api/credentials/${created.id}`, {
      headers: ANY_VERSION,
      body: { name: 'Orders login', secrets: { password: NEW_PASSWORD } },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Orders login', secretsSet: { password: true }, version: 2 });
    expect(JSON.stringify(renamed.body)).not.toContain(NEW_PASSWORD);
    expect((await server.request('GET', `/api/bots/${botId}/integrations/${integration.id}`)).body.credentialId).toBe(created.id);
    expect((await server.request('GET', `/api/credentials/${created.id}`)).body.usedBy).toHaveLength(1);

    const cleared = await server.request('PATCH', `/api/credentials/${created.id}`, {
      headers: ANY_VERSION,
      body: { secrets: { password: null } },
    });
    expect(cleared.body.secretsSet).toEqual({ password: false });
    const wrongField = await server.request('PATCH', `/api/credentials/${created.id}`, {
      headers: ANY_VERSION,
      body: { fields: { tokenUrl: 'https://x' } },
    });
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.errors).toHaveProperty('fields.tokenUrl');
    expect(
      (
        await server.request('PATCH', '/api/credentials/5e1f0c2a-0000-4000-8000-000000000000', {
          headers: ANY_VERSION,
          body: { name: 'x' },
        })
      ).status,
    ).toBe(404);
  });

  it('refuses to delete a credential in use, naming the integrations, and deletes it once unused', async () => {
    const created = (await server.request('POST', '/api/credentials', { body: basic() })).body;
    const integration = (
      await server.request('POST', `/api/bots/${botId}/integrations`, { body: anIntegrationInput('API', { credentialId: created.id }) })
    ).body;
    const refused = await server.request('DELETE', `/api/credentials/${created.id}`, { headers: ANY_VERSION });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toContain('Test Bot › OrderStatus');
    expect(refused.body.errors['usedBy.0']).toContain(integration.id);

    await server.request('PUT', `/api/bots/${botId}/integrations/${integration.id}`, {
      headers: { 'if-match': '"1"' },
      body: anIntegrationInput('API', { credentialId: '' }),
    });
    expect((await server.request('DELETE', `/api/credentials/${created.id}`, { headers: ANY_VERSION })).status).toBe(204);
    expect((await server.request('GET', `/api/credentials/${created.id}`)).status).toBe(404);
  });

  it('never writes a secret to a log line', async () => {
    lines.length = 0;
    const created = (await server.request('POST', '/api/credentials', { body: basic() })).body;
    await server.request('PATCH', `/api/credentials/${created.id}`, {
      headers: ANY_VERSION,
      body: { secrets: { password: NEW_PASSWORD } },
    });
    await server.request('POST', '/api/credentials', { body: basic({ fields: { unknown: 1 } }) });
    expect(lines.length).toBeGreaterThan(0);
    const log = lines.join('\n');
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain(NEW_PASSWORD);
  });
  it('puts a deleted credential back with its sealed secrets, one version on; refuses a second restore and a taken name', async () => {
    const sealedOf = async (id: string) => {
      const stored = await server.database.db.execute(sql`select secrets::text as secrets from credentials where id = ${id}`);
      return JSON.stringify((stored as unknown as { rows: unknown[] }).rows ?? stored);
    };
    const created = await server.request('POST', '/api/credentials', { body: basic({ name: 'Undo me' }) });
    const { id } = created.body;
    const sealed = await sealedOf(id);
    expect((await server.request('DELETE', `/api/credentials/${id}`, { headers: { 'if-match': '"1"' } })).status).toBe(204);
    expect((await server.request('GET', `/api/credentials/${id}`)).status).toBe(404);

    const restored = await server.request('POST', `/api/credentials/${id}/restore`);
    expect(restored.status).toBe(201);
    expect(restored.headers.get('etag')).toBe('"2"');
    expect(restored.body).toMatchObject({ id, name: 'Undo me', fields: { username: 'bot' }, secretsSet: { password: true }, version: 2 });
    expect(await sealedOf(id)).toBe(sealed);
    // An ETag from before the delete names a version that is gone.
    expect((await server.request('PATCH', `/api/credentials/${id}`, { headers: { 'if-match': '"1"' }, body: { name: 'x' } })).status).toBe(
      412,
    );
    const again = await server.request('POST', `/api/credentials/${id}/restore`);
    expect(again.status).toBe(404);
    expect(again.headers.get('content-type')).toContain('application/problem+json');

    await server.request('DELETE', `/api/credentials/${id}`, { headers: { 'if-match': '"2"' } });
    await server.request('POST', '/api/credentials', { body: basic({ name: 'Undo me' }) });
    const taken = await server.request('POST', `/api/credentials/${id}/restore`);
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toHaveProperty('name');
    expect((await server.request('POST', '/api/credentials/not-a-uuid/restore')).status).toBe(400);
  });
});
