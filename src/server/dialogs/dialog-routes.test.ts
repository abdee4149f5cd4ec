import { describe, expect, it } from 'vitest';
import { OWN_STORE_LOCATOR, OWN_SUPPORT_DESK } from '../cb-export/testing/own-exports';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { exportCb, importBot } from './testing/dialog-api';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read the JSON answers as they come */

const checkOf = (items: any[], id: string) => items.filter((item) => item.id === id);

describeEachDatabase('dialogs API on %s (own exports)', (kind) => {
  const server = useTestServer(kind);

  it('reads the dialogs and interactions of an imported bot, and none for a bot made in the panel', async () => {
    const { botId, byName } = await importBot(server, OWN_SUPPORT_DESK);
    const { status, body } = await server.request('GET', `/api/bots/${botId}/dialogs`);
    expect(status).toBe(200);
    expect(body.items.map((dialog: any) => [dialog.name, dialog.type, dialog.status])).toEqual([
      ['Welcome', 'DIALOG', 'ENABLED'],
      ['Order status', 'DIALOG', 'ENABLED'],
      ['Human', 'DIALOG', 'ENABLED'],
      ['Fallback', 'FALLBACK_DIALOG', 'ENABLED'],
    ]);
    const orders = body.items[1];
    expect(orders.interactions.map((item: any) => item.kind)).toEqual(['DIALOG_STARTER', 'API_INTEGRATION', 'TEXT']);
    expect(orders.interactions[0]).toMatchObject({
      patterns: ['where is my order', 'order status', '*order*'],
      next: orders.interactions[1].id,
    });
    expect(orders.interactions[1]).toMatchObject({ integrationId: byName('OrderLookup').id, integrationName: 'OrderLookup' });
    expect(orders.interactions[1].postProcess).toContain('api_OrderLookup');
    expect(orders.interactions[2].texts).toEqual(['Your order is {OrderLookup.status}, arriving {OrderLookup.eta}.']);
    expect(body.items[2].interactions[1]).toMatchObject({ kind: 'ESCALATION', agentSkillId: '3402109730', transitions: [{ to: 'end' }] });

    const made = await server.request('POST', '/api/bots', { body: { name: 'Made here' } });
    const empty = await server.request('GET', `/api/bots/${made.body.id}/dialogs`);
    expect(empty.body).toEqual({ items: [] });
    expect((await server.request('GET', '/api/bots/00000000-0000-4000-8000-000000000000/dialogs')).status).toBe(404);
  });

  it('lists the usages of an integration: invocations, variable reads, field reads', async () => {
    const { botId, byName } = await importBot(server, OWN_SUPPORT_DESK);
    const { status, body } = await server.request('GET', `/api/bots/${botId}/integrations/${byName('OrderLookup').id}/usages`);
    expect(status).toBe(200);
    const summary = body.items.map((usage: any) => [usage.dialogName, usage.interactionName, usage.kind, usage.where]);
    expect(summary).toEqual([
      ['Order status', 'api_integration_orders', 'invokes', 'interaction'],
      ['Order status', 'api_integration_orders', 'reads-variable', 'postProcess'],
      ['Order status', 'api_integration_orders', 'reads-variable', 'postProcess'],
      ['Order status', 'text_order_status', 'reads-field', 'text'],
      ['Order status', 'text_order_status', 'reads-field', 'text'],
    ]);
    expect(body.items[1].excerpt).toBe('var response = botContext.getBotVariable("api_OrderLookup");');
    const transfer = await server.request('GET', `/api/bots/${botId}/integrations/${byName('TransferToBilling').id}/usages`);
    expect(transfer.body).toEqual({ items: [] });
  });

  it('refuses to delete a used integration with 409 and its usages, deletes it with force, and the checks then fail', async () => {
    const { botId, byName } = await importBot(server, OWN_SUPPORT_DESK);
    const id = byName('OrderLookup').id;
    const stale = await server.request('DELETE', `/api/bots/${botId}/integrations/${id}`, { headers: { 'if-match': '"5"' } });
    expect(stale.status).toBe(412);
    const refused = await server.request('DELETE', `/api/bots/${botId}/integrations/${id}`, { headers: { 'if-match': '"1"' } });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.usages).toHaveLength(5);
    expect(refused.body.detail).toContain('?force=true');
    expect((await server.request('GET', `/api/bots/${botId}/integrations/${id}`)).status).toBe(200);

    const unused = byName('TransferToBilling').id;
    expect((await server.request('DELETE', `/api/bots/${botId}/integrations/${unused}`, { headers: { 'if-match': '"1"' } })).status).toBe(
      204,
    );

    const before = await server.request('GET', `/api/bots/${botId}/checks`);
    expect(checkOf(before.body.items, 'integration-exists')).toEqual([expect.objectContaining({ status: 'pass' })]);
    const forced = await server.request('DELETE', `/api/bots/${botId}/integrations/${id}?force=true`, { headers: { 'if-match': '"1"' } });
    expect(forced.status).toBe(204);
    const after = await server.request('GET', `/api/bots/${botId}/checks`);
    const broken = checkOf(after.body.items, 'integration-exists');
    expect(broken).toEqual([expect.objectContaining({ status: 'fail', interactionId: 'b0000000000000000000000000000000000000002' })]);
    expect(checkOf(after.body.items, 'custom-field-exists').map((item: any) => item.status)).toEqual(['fail', 'fail']);
  });

  it('refuses a PUT that renames a used integration, pointing at rename; other PUTs pass', async () => {
    const { botId, byName } = await importBot(server, OWN_SUPPORT_DESK);
    const { id, botId: _b, createdAt: _c, updatedAt: _u, version: _v, ...values } = byName('OrderLookup');
    const url = `/api/bots/${botId}/integrations/${id}`;
    const renamed = await server.request('PUT', url, { headers: { 'if-match': '"1"' }, body: { ...values, name: 'OrderStatus' } });
    expect(renamed.status).toBe(409);
    expect(renamed.body.detail).toContain(`/api/bots/${botId}/integrations/${id}/rename`);
    expect(renamed.body.usages.length).toBeGreaterThan(0);
    const variable = await server.request('PUT', url, {
      headers: { 'if-match': '"1"' },
      body: { ...values, responseDataVariable: 'Orders' },
    });
    expect(variable.status).toBe(409);
    const kept = await server.request('PUT', url, { headers: { 'if-match': '"1"' }, body: { ...values, method: 'POST' } });
    expect(kept.status).toBe(200);
  });

  it('renames with a dry run that stores nothing, then rewrites every reference in one save', async () => {
    const { botId, byName } = await importBot(server, OWN_SUPPORT_DESK);
    const id = byName('OrderLookup').id;
    const url = `/api/bots/${botId}/integrations/${id}/rename`;
    const body = { name: 'OrderStatus', responseDataVariable: 'OrderStatus' };
    const exportedBefore = (await exportCb(server, botId)).text;

    const dry = await server.request('POST', `${url}?dryRun=true`, { body });
    expect(dry.status).toBe(200);
    expect(dry.body.integration).toMatchObject({ name: 'OrderStatus', version: 1 });
    const wheres = dry.body.changes.map((change: any) => [change.interactionName ?? change.integrationName, change.where]);
    expect(wheres).toEqual([
      ['api_integration_orders', 'postProcess'],
      ['api_integration_orders', 'interaction'],
      ['text_order_status', 'text'],
      ['OrderLookup', 'customDataFields'],
      ['OrderLookup', 'customDataFields'],
    ]);
    expect(dry.body.changes[1]).toMatchObject({ before: 'OrderLookup', after: 'OrderStatus' });
    expect(dry.body.changes[2]).toMatchObject({ after: 'Your order is {OrderStatus.status}, arriving {OrderStatus.eta}.' });
    expect((await exportCb(server, botId)).text).toBe(exportedBefore);

    expect((await server.request('POST', url, { body })).status).toBe(428);
    expect((await server.request('POST', url, { body, headers: { 'if-match': '"7"' } })).status).toBe(412);
    const done = await server.request('POST', url, { body, headers: { 'if-match': '"1"' } });
    expect(done.status).toBe(200);
    expect(done.headers.get('etag')).toBe('"2"');
    expect(done.body.changes).toEqual(dry.body.changes);
    expect(done.body.integration.customDataFields[0].value).toBe('{$.api_OrderStatus.status}');

    const { text, file } = await exportCb(server, botId);
    expect(text).not.toMatch(/OrderLookup/);
    const invoking = file.conversationMessage.find((item: any) => item.interactionType === 'API_INTEGRATION');
    expect(invoking.content).toMatchObject({ responderName: 'OrderStatus' });
    const usages = await server.request('GET', `/api/bots/${botId}/integrations/${id}/usages`);
    expect(usages.body.items).toHaveLength(5);
    const checks = await server.request('GET', `/api/bots/${botId}/checks`);
    expect(
      checks.body.items.filter((item: any) => item.id !== 'escalation-failure-caught').every((item: any) => item.status === 'pass'),
    ).toBe(true);
    const history = await server.request('GET', `/api/bots/${botId}/revisions`);
    expect(history.body.items).toEqual([expect.objectContaining({ version: 2, action: 'rename-references' })]);
    expect(history.body.items[0].summary).toContain('"OrderLookup" renamed to "OrderStatus"');

    const taken = await server.request('POST', `/api/bots/${botId}/integrations/${byName('TransferToBilling').id}/rename?dryRun=true`, {
      body: { name: 'orderstatus' },
    });
    expect(taken.status).toBe(409);
  });

  it("rewrites the builder's own edits saved with a rename, and previews exactly what it stores", async () => {
    const { botId, byName } = await importBot(server, OWN_SUPPORT_DESK);
    const lookup = byName('OrderLookup');
    const url = `/api/bots/${botId}/integrations/${lookup.id}/rename`;
    const stored = (await server.request('GET', `/api/bots/${botId}/integrations/${lookup.id}`)).body;
    const { id: _id, botId: _bot, version: _version, createdAt: _created, updatedAt: _updated, ...values } = stored;
    // The form's edits: one field already typed with the new variable, one new field still reading the old one.
    const edited = {
      ...values,
      name: 'OrderStatus',
      responseDataVariable: 'OrderStatus',
      customDataFields: [
        { key: 'status', value: '{$.api_OrderLookup.status}' },
        { key: 'eta', value: '{$.api_OrderStatus.eta}' },
        { key: 'carrier', value: '{$.api_OrderLookup.carrier}' },
      ],
    };
    const body = { name: 'OrderStatus', responseDataVariable: 'OrderStatus', values: edited };

    const dry = await server.request('POST', `${url}?dryRun=true`, { body });
    expect(dry.status).toBe(200);
    const own = dry.body.changes.filter((change: any) => change.integrationName === 'OrderLookup');
    expect(own.map((change: any) => change.after)).toEqual(['status: {$.api_OrderStatus.status}', 'carrier: {$.api_OrderStatus.carrier}']);

    const done = await server.request('POST', url, { body, headers: { 'if-match': '"1"' } });
    expect(done.status).toBe(200);
    expect(done.body.changes).toEqual(dry.body.changes);
    const after = (await server.request('GET', `/api/bots/${botId}/integrations/${lookup.id}`)).body;
    expect(after.customDataFields).toEqual([
      { key: 'status', value: '{$.api_OrderStatus.status}' },
      { key: 'eta', value: '{$.api_OrderStatus.eta}' },
      { key: 'carrier', value: '{$.api_OrderStatus.carrier}' },
    ]);
    expect(after.version).toBe(2);

    const otherType = await server.request('POST', `${url}?dryRun=true`, {
      body: { ...body, name: 'OrderStatus2', values: { ...edited, type: 'EMAIL' } },
    });
    expect(otherType.status).toBe(400);
  });

  it('checks the bot: an escalating bot without a catch fails, a field that is missing fails', async () => {
    const { botId, byName } = await importBot(server, OWN_SUPPORT_DESK);
    const { body } = await server.request('GET', `/api/bots/${botId}/checks`);
    expect(checkOf(body.items, 'escalation-failure-caught')).toEqual([
      expect.objectContaining({ status: 'fail', integrationId: byName('TransferToBilling').id }),
    ]);
    expect(checkOf(body.items, 'custom-field-exists')).toEqual([expect.objectContaining({ status: 'pass' })]);

    const { id, botId: _b, createdAt: _c, updatedAt: _u, version: _v, ...values } = byName('OrderLookup');
    const fewer = { ...values, customDataFields: values.customDataFields.filter((field: any) => field.key !== 'eta') };
    expect(
      (await server.request('PUT', `/api/bots/${botId}/integrations/${id}`, { headers: { 'if-match': '"1"' }, body: fewer })).status,
    ).toBe(200);
    const after = await server.request('GET', `/api/bots/${botId}/checks`);
    expect(checkOf(after.body.items, 'custom-field-exists')).toEqual([
      expect.objectContaining({ status: 'fail', integrationId: id, interactionId: 'b0000000000000000000000000000000000000003' }),
    ]);

    const store = await importBot(server, OWN_STORE_LOCATOR);
    const quiet = await server.request('GET', `/api/bots/${store.botId}/checks`);
    expect(quiet.body.items.map((item: any) => [item.id, item.status])).toEqual([
      ['escalation-failure-caught', 'pass'],
      ['integration-exists', 'pass'],
      ['custom-field-exists', 'pass'],
      ['env-variable-exists', 'pass'],
    ]);
  });

  it('adds a failure dialog that makes the check pass, in history, and kept through export → import → export', async () => {
    const { botId, byName } = await importBot(server, OWN_SUPPORT_DESK);
    const url = `/api/bots/${botId}/dialogs/escalation-failure`;
    expect((await server.request('POST', url, { body: { message: '' } })).status).toBe(400);
    const wrongType = await server.request('POST', url, { body: { message: 'Sorry', thenEscalateTo: byName('OrderLookup').id } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors).toHaveProperty('thenEscalateTo');

    const added = await server.request('POST', url, {
      body: { message: 'No agent is free right now.', thenEscalateTo: byName('TransferToBilling').id },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Agent escalation failed', type: 'DIALOG', status: 'ENABLED' });
    expect(added.body.interactions.map((item: any) => item.kind)).toEqual(['DIALOG_STARTER', 'TEXT', 'ESCALATION']);
    expect(added.body.interactions[0].patterns).toEqual(['__agent_escalation_failed__']);
    expect(added.body.interactions[2]).toMatchObject({
      agentSkillId: '3402109730',
      messageToUser: 'Hold on while I connect you with a billing specialist.',
    });

    const checks = await server.request('GET', `/api/bots/${botId}/checks`);
    expect(checkOf(checks.body.items, 'escalation-failure-caught')).toEqual([
      expect.objectContaining({ status: 'pass', dialogId: added.body.id, interactionId: added.body.interactions[0].id }),
    ]);
    expect((await server.request('POST', url, { body: { message: 'Again' } })).status).toBe(409);
    const history = await server.request('GET', `/api/bots/${botId}/revisions`);
    expect(history.body.items).toEqual([
      expect.objectContaining({ action: 'add-dialog', summary: 'Added dialog "Agent escalation failed"' }),
    ]);
    expect((await server.request('GET', `/api/bots/${botId}`)).body.version).toBe(2);

    const first = await exportCb(server, botId);
    const group = first.file.groups.at(-1);
    expect(Object.keys(group)).toEqual(Object.keys(first.file.groups[0]));
    const [starter, text, transfer] = first.file.conversationMessage.slice(-3);
    expect(starter).toMatchObject({
      pattern: ['__agent_escalation_failed__'],
      group: group.id,
      interactionType: 'DIALOG_STARTER',
      chatBotId: first.file.bot.id,
    });
    expect(text.content.results.tile.tileData[0].text).toBe('No agent is free right now.');
    expect(transfer.content.results).toMatchObject({
      type: 'ESCALATION',
      tile: { tileData: [{ escalation: { agentSkillId: '3402109730', tangoContextEnabled: true } }] },
    });

    const again = await server.request('POST', '/api/bots/import', { raw: first.text, headers: { 'content-type': 'application/json' } });
    expect(again.status).toBe(201);
    const second = await exportCb(server, again.body.bot.id);
    expect(second.text).toBe(first.text);
    const reread = await server.request('GET', `/api/bots/${again.body.bot.id}/checks`);
    expect(checkOf(reread.body.items, 'escalation-failure-caught')[0].status).toBe('pass');
  });

  it('adds a failure dialog to a bot made in the panel, exported in the shape of a real export', async () => {
    const made = await server.request('POST', '/api/bots', { body: { name: 'Panel bot' } });
    const botId = made.body.id;
    const escalation = await server.request('POST', `/api/bots/${botId}/integrations`, {
      body: { type: 'LIVEPERSON_AGENT_ESCALATION', name: 'ToAgents', agentSkillId: '12345', messageToUser: 'One moment.' },
    });
    expect(escalation.status).toBe(201);
    const failing = await server.request('GET', `/api/bots/${botId}/checks`);
    expect(checkOf(failing.body.items, 'escalation-failure-caught')[0].status).toBe('fail');
    const added = await server.request('POST', `/api/bots/${botId}/dialogs/escalation-failure`, {
      body: { message: 'Sorry, nobody is free.' },
    });
    expect(added.status).toBe(201);
    expect(added.body.interactions.map((item: any) => item.kind)).toEqual(['DIALOG_STARTER', 'TEXT']);
    const { text, file } = await exportCb(server, botId);
    expect(Object.keys(file)).toEqual([
      'bot',
      'responder',
      'requiredContext',
      'conversationMessage',
      'menus',
      'groups',
      'platforms',
      'associatedDomains',
      'dialogTemplates',
    ]);
    expect(file.groups).toHaveLength(1);
    expect(file.conversationMessage[0].chatBotId).toBe(botId);
    const again = await server.request('POST', '/api/bots/import', { raw: text, headers: { 'content-type': 'application/json' } });
    expect((await exportCb(server, again.body.bot.id)).text).toBe(text);
    const dialogs = await server.request('GET', `/api/bots/${again.body.bot.id}/dialogs`);
    expect(dialogs.body.items.map((dialog: any) => dialog.name)).toEqual(['Agent escalation failed']);
  });
});

describe('dialogs API answers problems for bad requests', () => {
  const server = useTestServer('pglite');
  it('adds one failure dialog of 150 concurrent calls, on a bot that does not escalate yet; the others are 409', async () => {
    const botId = (await server.request('POST', '/api/bots', { body: { name: 'Not escalating yet' } })).body.id;
    const url = `/api/bots/${botId}/dialogs/escalation-failure`;
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, index) => server.request('POST', url, { body: { message: `Sorry ${index}` } })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(149);
    for (const answer of answers.filter((item) => item.status === 409))
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    const dialogs = await server.request('GET', `/api/bots/${botId}/dialogs`);
    expect(dialogs.body.items.map((dialog: { name: string }) => dialog.name)).toEqual(['Agent escalation failed']);
    expect((await server.request('POST', url, { body: { message: 'Once more' } })).status).toBe(409);
  });

  it('validates ids, query flags and bodies', async () => {
    const { botId, byName } = await importBot(server, OWN_SUPPORT_DESK);
    const id = byName('OrderLookup').id;
    expect((await server.request('GET', `/api/bots/${botId}/integrations/not-a-uuid/usages`)).status).toBe(400);
    expect((await server.request('GET', `/api/bots/${botId}/integrations/00000000-0000-4000-8000-000000000000/usages`)).status).toBe(404);
    expect(
      (await server.request('DELETE', `/api/bots/${botId}/integrations/${id}?force=yes`, { headers: { 'if-match': '"1"' } })).status,
    ).toBe(400);
    const badName = await server.request('POST', `/api/bots/${botId}/integrations/${id}/rename?dryRun=true`, { body: { name: '1 bad' } });
    expect(badName.status).toBe(400);
    expect(badName.body.errors).toHaveProperty('name');
  });
});
