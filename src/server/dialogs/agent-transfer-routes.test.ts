import { expect, it } from 'vitest';
import { OWN_SUPPORT_DESK } from '../cb-export/testing/own-exports';
import { describeEachDatabase, useTestServer, type TestServer } from '../testing/api-harness';
import { exportCb, importBot } from './testing/dialog-api';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read the JSON answers as they come */

const TRANSFER_ID = 'c0000000000000000000000000000000000000002';

/** The imported Support Desk's Agent Transfer: its path, and the bot's ETag as GET …/dialogs answers it. */
async function transferOf(server: TestServer) {
  const { botId } = await importBot(server, OWN_SUPPORT_DESK);
  const dialogs = await server.request('GET', `/api/bots/${botId}/dialogs`);
  const human = dialogs.body.items.find((dialog: any) => dialog.name === 'Human');
  return { botId, path: `/api/bots/${botId}/dialogs/${human.id}/interactions/${TRANSFER_ID}`, etag: dialogs.headers.get('etag')! };
}

/** The Agent Transfer entry of a CB file, as the file keeps it. */
const transferIn = (file: any) => file.conversationMessage.find((entry: any) => entry.id === TRANSFER_ID);

describeEachDatabase('Agent Transfer interactions on %s', (kind) => {
  const server = useTestServer(kind);

  it('edits the fields, answers the interaction with the new ETag, lists the revision and exports the new skill', async () => {
    const { botId, path, etag } = await transferOf(server);
    const read = await server.request('GET', path);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe(etag);
    expect(read.body).toMatchObject({ kind: 'ESCALATION', agentSkillId: '3402109730', messageToUser: 'Transferring you to billing.' });

    const patched = await server.request('PATCH', path, {
      headers: { 'if-match': etag },
      body: { agentSkillId: '7788990011', agentId: '{$botContext.agentId}', transferBotContext: true, interactionDelay: 6000 },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({
      id: TRANSFER_ID,
      kind: 'ESCALATION',
      agentSkillId: '7788990011',
      agentId: '{$botContext.agentId}',
      transferBotContext: true,
      interactionDelay: 6000,
      messageToUser: 'Transferring you to billing.',
    });
    const newEtag = patched.headers.get('etag');
    expect(newEtag).not.toBe(etag);
    expect((await server.request('GET', path)).headers.get('etag')).toBe(newEtag);

    const history = await server.request('GET', `/api/bots/${botId}/revisions`);
    expect(history.body.items[0]).toMatchObject({ action: 'edit-interaction', version: Number(JSON.parse(newEtag!)) });
    expect(history.body.items[0].summary).toContain('Agent Skill Id');

    // Written back in the platform's own shape: the escalation of the tile, the delay as text.
    const { file } = await exportCb(server, botId);
    const entry = transferIn(file);
    expect(entry.content.results.tile.tileData[0]).toEqual({
      text: 'Transferring you to billing.',
      buttons: [],
      quickReplyList: [],
      escalation: { agentSkillId: '7788990011', tangoContextEnabled: true, agentId: '{$botContext.agentId}' },
    });
    expect(entry.interactionDelay).toBe('6000');
    expect(entry.interactionType).toBe('ESCALATION');

    const blank = await server.request('PATCH', path, {
      headers: { 'if-match': newEtag! },
      body: { messageToUser: 'BLANK_MESSAGE', agentId: '', interactionDelay: 0 },
    });
    expect(blank.status).toBe(200);
    expect(blank.body.messageToUser).toBe('BLANK_MESSAGE');
    expect(blank.body).not.toHaveProperty('agentId');
    const after = transferIn((await exportCb(server, botId)).file);
    expect(after.content.results.tile.tileData[0].text).toBe('BLANK_MESSAGE');
    expect(after.content.results.tile.tileData[0].escalation).toEqual({ agentSkillId: '7788990011', tangoContextEnabled: true });
    expect(after).not.toHaveProperty('interactionDelay');
  });

  it('answers 428 without If-Match and 412 when stale, changing nothing', async () => {
    const { botId, path, etag } = await transferOf(server);
    const before = (await exportCb(server, botId)).text;
    const missing = await server.request('PATCH', path, { body: { agentSkillId: '1' } });
    expect(missing.status).toBe(428);
    const stale = await server.request('PATCH', path, {
      headers: { 'if-match': `"${Number(JSON.parse(etag)) + 5}"` },
      body: { agentSkillId: '1' },
    });
    expect(stale.status).toBe(412);
    expect((await exportCb(server, botId)).text).toBe(before);
  });

  it('validates like the Agent Escalation integration, on the field that is wrong', async () => {
    const { path, etag } = await transferOf(server);
    const wrong = async (body: Record<string, unknown>) => {
      const response = await server.request('PATCH', path, { headers: { 'if-match': etag }, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      return response.body.errors as Record<string, string>;
    };
    expect((await wrong({ agentSkillId: 'billing' })).agentSkillId).toContain('Agent Skill Id must be');
    expect((await wrong({ agentSkillId: '{$botContext.skill} and more' })).agentSkillId).toContain('Agent Skill Id must be');
    expect((await wrong({ messageToUser: '   ' })).messageToUser).toContain('Message to User is required');
    expect((await wrong({ agentId: 'someone' })).agentId).toBeDefined();
    expect((await wrong({ interactionDelay: -1 })).interactionDelay).toContain('negative');
    expect(await wrong({ unknown: 1 })).toBeDefined();
    expect((await server.request('PATCH', path, { headers: { 'if-match': etag }, body: {} })).status).toBe(400);
    // A variable of the environment is what the integration takes too.
    const env = await server.request('PATCH', path, { headers: { 'if-match': etag }, body: { agentSkillId: '{$env.SKILL_ID}' } });
    expect(env.status).toBe(200);
    expect(env.body.agentSkillId).toBe('{$env.SKILL_ID}');
  });

  it('answers 404 for another dialog or interaction, and 409 for an interaction that is no Agent Transfer', async () => {
    const { botId, path, etag } = await transferOf(server);
    const dialogs = await server.request('GET', `/api/bots/${botId}/dialogs`);
    const human = dialogs.body.items.find((dialog: any) => dialog.name === 'Human');
    const starter = human.interactions.find((item: any) => item.kind === 'DIALOG_STARTER');
    const headers = { 'if-match': etag };
    const body = { agentSkillId: '1' };
    expect((await server.request('PATCH', path.replace(TRANSFER_ID, 'nope'), { headers, body })).status).toBe(404);
    expect((await server.request('PATCH', path.replace(human.id, 'nope'), { headers, body })).status).toBe(404);
    const notTransfer = await server.request('PATCH', path.replace(TRANSFER_ID, starter.id), { headers, body });
    expect(notTransfer.status).toBe(409);
    expect(notTransfer.body.detail).toContain('not an Agent Transfer');
  });
});
