import { beforeEach, describe, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

describeEachDatabase('integrations API on %s', (kind) => {
  const server = useTestServer(kind);
  let botId: string;
  const base = () => `/api/bots/${botId}/integrations`;
  beforeEach(async () => {
    botId = await freshBot(server);
  });

  it('creates an integration: 201 with Location, ETag and the stored record', async () => {
    const response = await server.request('POST', base(), {
      body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { customDataFields: [{ key: 'queue', value: '{$.api_Escalation.queue}' }] }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`${base()}/${response.body.id}`);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body).toMatchObject({
      botId,
      version: 1,
      type: 'LIVEPERSON_AGENT_ESCALATION',
      agentSkillId: '3402109730',
      customDataFields: [{ key: 'queue', value: '{$.api_Escalation.queue}' }],
    });
    const read = await server.request('GET', `${base()}/${response.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(response.body);
  });

  it('defaults an empty response data variable to the name, and applies type defaults', async () => {
    const response = await server.request('POST', base(), {
      body: { type: 'KNOWLEDGE_AI', name: 'Faq', responseDataVariable: '', knowledgeBaseId: 'kb1' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      responseDataVariable: 'Faq',
      mode: 'INTENTS',
      threshold: 'GOOD',
      phrase: '{$query}',
      multipleResults: 1,
    });
    const { responseDataVariable: _left, ...withoutVariable } = anIntegrationInput('API', { name: 'NoRdv' });
    const missing = await server.request('POST', base(), { body: withoutVariable });
    expect(missing.body.responseDataVariable).toBe('NoRdv');
  });

  it('stores every type with its own fields', async () => {
    const bodies = [
      anIntegrationInput('API', {
        method: 'POST',
        headers: [{ key: 'Accept', value: 'application/json' }],
        requestParameters: [{ key: 'q', value: '1' }],
        postBody: '{"a":1}',
        credentialId: 'cred-1',
      }),
      { type: 'EMAIL', name: 'Mail', to: 'a@example.com, {$botContext.email}', replyTo: '', subject: 'Hi', body: '<b>x</b>', html: true },
      { type: 'FILE', name: 'Upload', method: 'PUT', url: 'http://files.example.com/up' },
      { type: 'FAAS', name: 'Fn', functionId: 'lambda-1', headers: [{ key: 'x', value: 'y' }], payload: '{}' },
      {
        type: 'KNOWLEDGE_AI',
        name: 'Kb',
        knowledgeBaseId: 'kb',
        mode: 'TEXT',
        threshold: 'FAIR_PLUS',
        phrase: 'hello',
        multipleResults: 5,
      },
      anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', {
        agentId: '{$env.agentId}',
        transferBotContext: true,
        messageToUser: 'BLANK_MESSAGE',
      }),
    ];
    for (const body of bodies) {
      const created = await server.request('POST', base(), { body });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const read = await server.request('GET', `${base()}/${created.body.id}`);
      expect(read.body).toMatchObject(body);
    }
  });

  describe('replace with If-Match', () => {
    it('updates with the current ETag and bumps the version', async () => {
      const created = await server.request('POST', base(), { body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION') });
      const id = created.body.id;
      const updated = await server.request('PUT', `${base()}/${id}`, {
        body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { messageToUser: 'One moment.' }),
        headers: { 'if-match': '"1"' },
      });
      expect(updated.status).toBe(200);
      expect(updated.headers.get('etag')).toBe('"2"');
      expect(updated.body).toMatchObject({ version: 2, messageToUser: 'One moment.', createdAt: created.body.createdAt });
      expect(Date.parse(updated.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.body.updatedAt));
    });

    it('refuses a stale ETag with 412 and keeps the newer data', async () => {
      const { body: created } = await server.request('POST', base(), { body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION') });
      await server.request('PUT', `${base()}/${created.id}`, {
        body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { messageToUser: 'first' }),
        headers: { 'if-match': '"1"' },
      });
      const stale = await server.request('PUT', `${base()}/${created.id}`, {
        body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { messageToUser: 'second' }),
        headers: { 'if-match': '"1"' },
      });
      expect(stale.status).toBe(412);
      expect(stale.headers.get('content-type')).toContain('application/problem+json');
      expect(stale.body.detail).toContain('current version is 2');
      const read = await server.request('GET', `${base()}/${created.id}`);
      expect(read.body.messageToUser).toBe('first');
    });

    it('requires If-Match: 428 without it, 412 for a value that is no ETag', async () => {
      const { body: created } = await server.request('POST', base(), { body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION') });
      const missing = await server.request('PUT', `${base()}/${created.id}`, { body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION') });
      expect(missing.status).toBe(428);
      const garbage = await server.request('PUT', `${base()}/${created.id}`, {
        body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION'),
        headers: { 'if-match': 'yesterday' },
      });
      expect(garbage.status).toBe(412);
      // If-Match compares strongly (RFC 9110 §13.1.1): a weak tag matches no version.
      const weak = await server.request('PUT', `${base()}/${created.id}`, {
        body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION'),
        headers: { 'if-match': 'W/"1"' },
      });
      expect(weak.status).toBe(412);
    });

    it('refuses read-only fields in the body', async () => {
      const { body: created } = await server.request('POST', base(), { body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION') });
      const response = await server.request('PUT', `${base()}/${created.id}`, {
        body: { ...anIntegrationInput('LIVEPERSON_AGENT_ESCALATION'), id: created.id, version: 1, createdAt: created.createdAt },
        headers: { 'if-match': '"1"' },
      });
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors).sort()).toEqual(['createdAt', 'id', 'version']);
    });

    it('changes the type and drops the old type fields', async () => {
      const { body: created } = await server.request('POST', base(), { body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION') });
      const response = await server.request('PUT', `${base()}/${created.id}`, {
        body: anIntegrationInput('API', { name: 'Escalation' }),
        headers: { 'if-match': '"1"' },
      });
      expect(response.status).toBe(200);
      expect(response.body.type).toBe('API');
      expect(response.body).not.toHaveProperty('agentSkillId');
    });
  });

  describe('delete', () => {
    it('deletes with If-Match, then the integration is gone', async () => {
      const { body: created } = await server.request('POST', base(), { body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION') });
      expect((await server.request('DELETE', `${base()}/${created.id}`)).status).toBe(428);
      expect((await server.request('DELETE', `${base()}/${created.id}`, { headers: { 'if-match': '"7"' } })).status).toBe(412);
      expect((await server.request('DELETE', `${base()}/${created.id}`, { headers: { 'if-match': '"1"' } })).status).toBe(204);
      expect((await server.request('GET', `${base()}/${created.id}`)).status).toBe(404);
      expect((await server.request('DELETE', `${base()}/${created.id}`, { headers: { 'if-match': '"1"' } })).status).toBe(404);
    });
  });

  describe('errors', () => {
    it('answers 404 problem+json for unknown bots and integrations, 400 for ids that are not UUIDs', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      for (const path of [`/api/bots/${unknown}/integrations`, `${base()}/${unknown}`]) {
        const response = await server.request('GET', path);
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.body).toMatchObject({ status: 404, title: 'Not Found' });
      }
      expect(
        (await server.request('POST', `/api/bots/${unknown}/integrations`, { body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION') }))
          .status,
      ).toBe(404);
      const bad = await server.request('GET', `${base()}/not-a-uuid`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toHaveProperty('id');
    });

    it('answers 409 naming the field for a duplicate name (ignoring case) or response data variable', async () => {
      await server.request('POST', base(), { body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION') });
      const sameName = await server.request('POST', base(), {
        body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'ESCALATION', responseDataVariable: 'Other' }),
      });
      expect(sameName.status).toBe(409);
      expect(Object.keys(sameName.body.errors)).toEqual(['name']);
      const sameVariable = await server.request('POST', base(), {
        body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'Other', responseDataVariable: 'Escalation' }),
      });
      expect(sameVariable.status).toBe(409);
      expect(Object.keys(sameVariable.body.errors)).toEqual(['responseDataVariable']);
      const list = await server.request('GET', base());
      expect(list.body.items).toHaveLength(1);
    });

    it('allows the same name in another bot', async () => {
      await server.request('POST', base(), { body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION') });
      const other = await server.request('POST', '/api/bots', { body: { name: 'Other bot' } });
      const response = await server.request('POST', `/api/bots/${other.body.id}/integrations`, {
        body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION'),
      });
      expect(response.status).toBe(201);
    });

    it('answers 400 for malformed JSON, 415 for another content type, 413 over 1 MB, and changes nothing', async () => {
      const malformed = await server.request('POST', base(), { raw: '{"type": "API",', headers: { 'content-type': 'application/json' } });
      expect(malformed.status).toBe(400);
      expect(malformed.body.title).toBe('Malformed JSON');
      const text = await server.request('POST', base(), { raw: 'name=x', headers: { 'content-type': 'text/plain' } });
      expect(text.status).toBe(415);
      expect(text.headers.get('content-type')).toContain('application/problem+json');
      const huge = await server.request('POST', base(), {
        body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { transformScript: `// ${'x'.repeat(1_100_000)}` }),
      });
      expect(huge.status).toBe(413);
      expect((await server.request('GET', base())).body.items).toHaveLength(0);
    });

    it('reports each invalid field by its path with a message that says how to fix it', async () => {
      const response = await server.request('POST', base(), {
        body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', {
          name: '1st',
          agentSkillId: 'skill',
          messageToUser: '',
          transformScript: 'var a = ;',
          customDataFields: [
            { key: 'ok', value: '{$.api_Escalation.a}' },
            { key: 'ok', value: 'x' },
            { key: 'bad key', value: '' },
          ],
        }),
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual({
        name: expect.stringContaining('must start with a letter'),
        agentSkillId: expect.stringContaining('positive whole number'),
        messageToUser: expect.stringContaining('BLANK_MESSAGE'),
        transformScript: expect.stringMatching(/line 1, column 9/),
        'customDataFields.1.key': expect.stringContaining('unique'),
        'customDataFields.2.key': expect.stringContaining('letters, digits and underscores'),
        'customDataFields.2.value': expect.stringContaining('required'),
      });
    });

    it('answers 400 for an unknown type and for a body that is not an object', async () => {
      const unknownType = await server.request('POST', base(), { body: { type: 'SALESFORCE', name: 'x' } });
      expect(unknownType.status).toBe(400);
      expect(unknownType.body.errors.type).toContain('Integration Type must be one of');
      const array = await server.request('POST', base(), { body: [1, 2] });
      expect(array.status).toBe(400);
    });
  });
});
