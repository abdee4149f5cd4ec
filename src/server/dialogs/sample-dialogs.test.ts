import { expect, it } from 'vitest';
import { AGENT_ESCALATION_FAILED } from '../../domain/dialogs';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { exportCb } from './testing/dialog-api';
import { SAMPLE_DIALOG_INTEGRATIONS, SAMPLE_TRANSFER_MESSAGE } from './sample-dialogs';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read the JSON answers as they come */

describeEachDatabase('sample dialogs on %s', (kind) => {
  const server = useTestServer(kind);

  async function botWith(integrations: unknown[]) {
    const bot = await server.request('POST', '/api/bots', { body: { name: `Sample dialogs ${Math.random()}` } });
    expect(bot.status).toBe(201);
    for (const body of integrations) {
      const made = await server.request('POST', `/api/bots/${bot.body.id}/integrations`, { body });
      expect(made.status).toBe(201);
    }
    return bot.body.id as string;
  }

  it('gives a bot made in the panel dialogs that invoke each integration, a transfer and a fallback, as one revision', async () => {
    const botId = await botWith([
      anIntegrationInput('API', {
        name: 'OrderStatus',
        customDataFields: [{ key: 'status', value: '{$.api_OrderStatus.status}' }],
      }),
      anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'Escalation', agentSkillId: '3402109730' }),
    ]);
    const before = (await server.request('GET', `/api/bots/${botId}`)).headers.get('etag');

    const { status, body, headers } = await server.request('POST', `/api/bots/${botId}/dialogs/samples`);
    expect(status).toBe(201);
    expect(body.items.map((dialog: any) => [dialog.name, dialog.type])).toEqual([
      ['Greeting', 'DIALOG'],
      ['Use Escalation', 'DIALOG'],
      ['Use OrderStatus', 'DIALOG'],
      ['Talk to an agent', 'DIALOG'],
      ['Fallback', 'FALLBACK_DIALOG'],
    ]);
    expect(headers.get('etag')).toBe(`"${Number(before!.replace(/"/g, '')) + 1}"`);
    const [, escalation, orders, agent] = body.items;
    expect(orders.interactions.map((item: any) => item.kind)).toEqual(['DIALOG_STARTER', 'API_INTEGRATION', 'TEXT', 'TEXT']);
    expect(orders.interactions[0].patterns).toEqual(['*order status*']);
    expect(orders.interactions[2].texts).toEqual(['OrderStatus answered: {OrderStatus.status}.']);
    // `*escalation*` would start on the failed-transfer message: the name is matched as a phrase.
    expect(escalation.interactions[0].patterns).toEqual(['escalation']);
    expect(escalation.interactions.map((item: any) => item.kind)).toEqual(['DIALOG_STARTER', 'API_INTEGRATION', 'TEXT']);
    expect(agent.interactions[2]).toMatchObject({ kind: 'ESCALATION', agentSkillId: '3402109730', transitions: [{ to: 'end' }] });

    // Every integration is used, once; the one check that fails is the failed-transfer catcher, fixed in one click.
    const integrations = (await server.request('GET', `/api/bots/${botId}/integrations`)).body.items;
    for (const integration of integrations) {
      const usages = (await server.request('GET', `/api/bots/${botId}/integrations/${integration.id}/usages`)).body.items;
      expect(
        usages.filter((usage: any) => usage.kind === 'invokes'),
        integration.name,
      ).toHaveLength(1);
    }
    const failing = async () =>
      (await server.request('GET', `/api/bots/${botId}/checks`)).body.items.filter((check: any) => check.status !== 'pass');
    expect((await failing()).map((check: any) => check.id)).toEqual(['escalation-failure-caught']);
    const fix = await server.request('POST', `/api/bots/${botId}/dialogs/escalation-failure`, {
      body: { message: 'Our agents are busy.' },
    });
    expect(fix.status).toBe(201);
    expect(await failing()).toEqual([]);

    // A change like any other: in the bot's revisions, and in its Conversation Builder export.
    const revisions = (await server.request('GET', `/api/bots/${botId}/revisions`)).body.items;
    expect(revisions.map((revision: any) => revision.summary)).toContain('Added the sample dialogs');
    const { file } = await exportCb(server, botId);
    expect(file.groups.map((group: any) => group.name)).toEqual(expect.arrayContaining(['Greeting', 'Use OrderStatus', 'Fallback']));
    const transfer = file.conversationMessage.find((item: any) => item.interactionType === 'ESCALATION');
    expect(transfer.content.results.tile.tileData[0]).toMatchObject({
      text: SAMPLE_TRANSFER_MESSAGE,
      escalation: { agentSkillId: '3402109730' },
    });
    expect(file.conversationMessage.some((item: any) => item.pattern?.includes(AGENT_ESCALATION_FAILED))).toBe(true);
  });

  it('leaves the transfer out without a numeric skill, invokes at most the first 12 integrations, and refuses a bot with dialogs', async () => {
    const many = Array.from({ length: SAMPLE_DIALOG_INTEGRATIONS + 2 }, (_, index) =>
      anIntegrationInput('API', { name: `Api${index + 1}` }),
    );
    const botId = await botWith([
      ...many,
      anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'ToSkill', agentSkillId: '{$env.SKILL}' }),
    ]);
    const { status, body } = await server.request('POST', `/api/bots/${botId}/dialogs/samples`);
    expect(status).toBe(201);
    const names = body.items.map((dialog: any) => dialog.name);
    expect(names).toHaveLength(1 + SAMPLE_DIALOG_INTEGRATIONS + 1);
    expect(names).not.toContain('Talk to an agent');
    expect(body.items[1].interactions[2].texts).toEqual(['Api1 answered.']);

    const again = await server.request('POST', `/api/bots/${botId}/dialogs/samples`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(`This bot already has ${names.length} dialogs: the sample dialogs are for a bot without any.`);
    expect((await server.request('GET', `/api/bots/${botId}/dialogs`)).body.items).toHaveLength(names.length);
    const missing = await server.request('POST', '/api/bots/00000000-0000-4000-8000-000000000000/dialogs/samples');
    expect(missing.status).toBe(404);
  });

  it('gives a bot without integrations a greeting that says so and a fallback', async () => {
    const botId = await botWith([]);
    const { body } = await server.request('POST', `/api/bots/${botId}/dialogs/samples`);
    expect(body.items.map((dialog: any) => dialog.name)).toEqual(['Greeting', 'Fallback']);
    expect(body.items[0].interactions[1].texts).toEqual(['Hi! This bot has no integrations yet.']);
  });
});
