import { beforeEach, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

describeEachDatabase('revisions on %s', (kind) => {
  const server = useTestServer(kind);
  let base: string;
  beforeEach(async () => {
    const botId = await freshBot(server);
    const created = await server.request('POST', `/api/bots/${botId}/integrations`, {
      body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION'),
    });
    base = `/api/bots/${botId}/integrations/${created.body.id}`;
    await server.request('PUT', base, {
      body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { messageToUser: 'Second', agentSkillName: 'Sales' }),
      headers: { 'if-match': '"1"' },
    });
  });

  it('writes a revision per save with the changed fields, newest first', async () => {
    const list = await server.request('GET', `${base}/revisions`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        version: 2,
        action: 'update',
        changedFields: ['agentSkillName', 'messageToUser'],
        summary: 'Changed Agent Skill Name, Message to User',
      }),
      expect.objectContaining({ version: 1, action: 'create', changedFields: [], summary: 'Created' }),
    ]);
    const first = await server.request('GET', `${base}/revisions/1`);
    expect(first.body.integration).toMatchObject({ version: 1, messageToUser: 'Hold on while I connect you with an agent.' });
    expect((await server.request('GET', `${base}/revisions/9`)).status).toBe(404);
    expect((await server.request('GET', `${base}/revisions/zero`)).status).toBe(400);
  });

  it('restores a revision as a new version, obeying If-Match', async () => {
    expect((await server.request('POST', `${base}/revisions/1/restore`)).status).toBe(428);
    expect((await server.request('POST', `${base}/revisions/1/restore`, { headers: { 'if-match': '"1"' } })).status).toBe(412);
    const restored = await server.request('POST', `${base}/revisions/1/restore`, { headers: { 'if-match': '"2"' } });
    expect(restored.status).toBe(200);
    expect(restored.headers.get('etag')).toBe('"3"');
    const { messageToUser, agentSkillName } = anIntegrationInput('LIVEPERSON_AGENT_ESCALATION');
    expect(restored.body).toMatchObject({ version: 3, messageToUser, agentSkillName });
    const list = await server.request('GET', `${base}/revisions`);
    expect(list.body.items[0]).toMatchObject({ version: 3, action: 'restore', changedFields: ['agentSkillName', 'messageToUser'] });
  });

  it('brings back a deleted integration from its last revision', async () => {
    expect((await server.request('DELETE', base, { headers: { 'if-match': '"2"' } })).status).toBe(204);
    const history = await server.request('GET', `${base}/revisions`);
    expect(history.body.items[0]).toMatchObject({ version: 3, action: 'delete' });
    expect((await server.request('POST', `${base}/revisions/2/restore`, { headers: { 'if-match': '"2"' } })).status).toBe(412);
    const restored = await server.request('POST', `${base}/revisions/2/restore`, { headers: { 'if-match': '"3"' } });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ version: 4, messageToUser: 'Second' });
    expect((await server.request('GET', base)).body.version).toBe(4);
  });
});
