import { expect, it } from 'vitest';
import { OWN_SUPPORT_DESK } from '../cb-export/testing/own-exports';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { exportCb, importBot } from './testing/dialog-api';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read the JSON answers as they come */

const checkOf = (items: any[], id: string) => items.filter((item) => item.id === id);
const ORDERS_INTERACTION = 'b0000000000000000000000000000000000000002';

describeEachDatabase('fixes of failed checks on %s', (kind) => {
  const server = useTestServer(kind);
  const etagOf = async (botId: string) => (await server.request('GET', `/api/bots/${botId}/dialogs`)).headers.get('etag')!;

  it('names the fix of each failed check', async () => {
    const { botId, byName } = await importBot(server, OWN_SUPPORT_DESK);
    const orders = byName('OrderLookup');
    const { id, botId: _b, createdAt: _c, updatedAt: _u, version: _v, ...values } = orders;
    const fewer = { ...values, customDataFields: values.customDataFields.filter((field: any) => field.key !== 'eta') };
    await server.request('PUT', `/api/bots/${botId}/integrations/${id}`, { headers: { 'if-match': '"1"' }, body: fewer });
    const { body } = await server.request('GET', `/api/bots/${botId}/checks`);
    expect(checkOf(body.items, 'escalation-failure-caught')[0].fix).toEqual({ kind: 'add-failure-dialog' });
    expect(checkOf(body.items, 'custom-field-exists')[0].fix).toEqual({
      kind: 'add-custom-field',
      integrationId: id,
      key: 'eta',
      value: '{$.api_OrderLookup.eta}',
    });
    expect(checkOf(body.items, 'integration-exists')[0].fix).toBeUndefined();

    await server.request('DELETE', `/api/bots/${botId}/integrations/${id}?force=true`, { headers: { 'if-match': '"2"' } });
    const after = await server.request('GET', `/api/bots/${botId}/checks`);
    const [missing] = checkOf(after.body.items, 'integration-exists');
    expect(missing).toMatchObject({ status: 'fail', interactionId: ORDERS_INTERACTION });
    expect(missing.fix).toMatchObject({ kind: 'missing-integration', invokes: { name: 'OrderLookup' }, repoint: true });
    expect(checkOf(after.body.items, 'custom-field-exists').map((item: any) => item.fix)).toEqual([
      { kind: 'missing-integration', invokes: { name: 'OrderLookup' }, repoint: false },
      { kind: 'missing-integration', invokes: { name: 'OrderLookup' }, repoint: false },
    ]);
  });

  it('re-points an interaction to another integration with If-Match, written back to the CB file', async () => {
    const { botId, byName } = await importBot(server, OWN_SUPPORT_DESK);
    const orders = byName('OrderLookup');
    await server.request('DELETE', `/api/bots/${botId}/integrations/${orders.id}?force=true`, { headers: { 'if-match': '"1"' } });
    const dialogs = await server.request('GET', `/api/bots/${botId}/dialogs`);
    const dialogId = dialogs.body.items.find((dialog: any) => dialog.name === 'Order status').id;
    const url = `/api/bots/${botId}/dialogs/${dialogId}/interactions/${ORDERS_INTERACTION}/integration`;
    const other = byName('TransferToBilling');

    expect((await server.request('PUT', url, { body: { integrationId: other.id } })).status).toBe(428);
    const stale = await server.request('PUT', url, { headers: { 'if-match': '"99"' }, body: { integrationId: other.id } });
    expect(stale.status).toBe(412);
    const unknown = await server.request('PUT', url, {
      headers: { 'if-match': dialogs.headers.get('etag')! },
      body: { integrationId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body.errors).toHaveProperty('integrationId');
    const notUuid = await server.request('PUT', url, {
      headers: { 'if-match': dialogs.headers.get('etag')! },
      body: { integrationId: 'x' },
    });
    expect(notUuid.status).toBe(400);

    const done = await server.request('PUT', url, {
      headers: { 'if-match': dialogs.headers.get('etag')! },
      body: { integrationId: other.id },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ id: ORDERS_INTERACTION, integrationId: other.id, integrationName: 'TransferToBilling' });
    expect(done.headers.get('etag')).not.toBe(dialogs.headers.get('etag'));
    const checks = await server.request('GET', `/api/bots/${botId}/checks`);
    expect(checkOf(checks.body.items, 'integration-exists')).toEqual([expect.objectContaining({ status: 'pass' })]);
    const history = await server.request('GET', `/api/bots/${botId}/revisions`);
    expect(history.body.items[0]).toMatchObject({
      action: 'repoint-interaction',
      summary: 'Interaction "api_integration_orders" in dialog "Order status" invokes "TransferToBilling" instead of "OrderLookup"',
    });
    const { file } = await exportCb(server, botId);
    const written = file.conversationMessage.find((message: any) => message.id === ORDERS_INTERACTION);
    expect(written.content.responderName).toBe('TransferToBilling');
    expect(file.responder.map((item: any) => item.id)).toContain(written.content.responderId);

    const text = dialogs.body.items.find((dialog: any) => dialog.name === 'Order status').interactions[2].id;
    const notIntegration = await server.request('PUT', `/api/bots/${botId}/dialogs/${dialogId}/interactions/${text}/integration`, {
      headers: { 'if-match': await etagOf(botId) },
      body: { integrationId: other.id },
    });
    expect(notIntegration.status).toBe(409);
  });

  it('removes a dialog the panel added and puts it back as it was; refuses an imported one', async () => {
    const { botId } = await importBot(server, OWN_SUPPORT_DESK);
    const added = await server.request('POST', `/api/bots/${botId}/dialogs/escalation-failure`, { body: { message: 'Nobody is free.' } });
    expect(added.body.addedHere).toBe(true);
    const before = await exportCb(server, botId);
    const listed = await server.request('GET', `/api/bots/${botId}/dialogs`);
    expect(listed.body.items.map((dialog: any) => [dialog.name, dialog.addedHere ?? false])).toEqual([
      ['Welcome', false],
      ['Order status', false],
      ['Human', false],
      ['Fallback', false],
      ['Agent escalation failed', true],
    ]);

    const url = `/api/bots/${botId}/dialogs/${added.body.id}`;
    expect((await server.request('DELETE', url)).status).toBe(428);
    expect((await server.request('DELETE', url, { headers: { 'if-match': '"1"' } })).status).toBe(412);
    const imported = await server.request('DELETE', `/api/bots/${botId}/dialogs/${listed.body.items[0].id}`, {
      headers: { 'if-match': listed.headers.get('etag')! },
    });
    expect(imported.status).toBe(409);
    expect(imported.body.detail).toContain('Dialog "Welcome" came with');
    const removed = await server.request('DELETE', url, { headers: { 'if-match': listed.headers.get('etag')! } });
    expect(removed.status).toBe(204);
    const gone = await server.request('GET', `/api/bots/${botId}/dialogs`);
    expect(gone.body.items.map((dialog: any) => dialog.name)).toEqual(['Welcome', 'Order status', 'Human', 'Fallback']);
    const checks = await server.request('GET', `/api/bots/${botId}/checks`);
    expect(checkOf(checks.body.items, 'escalation-failure-caught')[0].status).toBe('fail');
    expect((await server.request('DELETE', url, { headers: { 'if-match': gone.headers.get('etag')! } })).status).toBe(404);

    const restored = await server.request('POST', `${url}/restore`);
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({ id: added.body.id, name: 'Agent escalation failed', addedHere: true });
    expect((await exportCb(server, botId)).text).toBe(before.text);
    expect((await server.request('POST', `${url}/restore`)).status).toBe(409);
    expect((await server.request('POST', `/api/bots/${botId}/dialogs/nope/restore`)).status).toBe(404);
    const history = await server.request('GET', `/api/bots/${botId}/revisions`);
    expect(history.body.items.map((item: any) => item.summary)).toEqual([
      'Restored dialog "Agent escalation failed"',
      'Removed dialog "Agent escalation failed"',
      'Added dialog "Agent escalation failed"',
    ]);
  });
});
