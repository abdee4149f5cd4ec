import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../../domain/dialogs';
import { fakeApi } from '../../../testing/fake-api';
import { renderInApp } from '../../../testing/render-app';
import { BotChecks } from './bot-checks';

const BOT = '11111111-1111-4111-8111-111111111111';
const ORDERS = '22222222-2222-4222-8222-222222222222';
const BILLING = '33333333-3333-4333-8333-333333333333';
const INTERACTION = 'b0000000000000000000000000000000000000002';
const MISSING: Check = {
  id: 'integration-exists',
  status: 'fail',
  title: 'Integration interactions invoke integrations the bot has',
  detail: 'Interaction "api_integration_orders" in dialog "Order status" invokes "OrderLookup", which this bot does not have.',
  dialogId: 'dialog-1',
  interactionId: INTERACTION,
  fix: { kind: 'missing-integration', invokes: { name: 'OrderLookup' }, repoint: true },
};
const FIELD: Check = {
  id: 'custom-field-exists',
  status: 'fail',
  title: 'Custom data fields shown in dialogs exist',
  detail:
    'Interaction "text_order_status" in dialog "Order status" shows {OrderLookup.eta}, but integration "OrderLookup" has no custom data field "eta".',
  dialogId: 'dialog-1',
  interactionId: 'b3',
  integrationId: ORDERS,
  fix: { kind: 'add-custom-field', integrationId: ORDERS, key: 'eta', value: '{$.api_OrderLookup.eta}' },
};
const DELETED = {
  id: ORDERS,
  name: 'OrderLookup',
  type: 'API',
  deletedAt: '2026-12-01T10:00:00.000Z',
  deletedVersion: 3,
  restoreVersion: 2,
};
const ORDERS_INTEGRATION = {
  id: ORDERS,
  botId: BOT,
  name: 'OrderLookup',
  type: 'API',
  responseDataVariable: 'OrderLookup',
  customDataFields: [{ key: 'status', value: '{$.api_OrderLookup.status}' }],
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  version: 4,
};

function serve(checks: Check[], deleted: unknown[] = [DELETED]) {
  return fakeApi({
    [`GET /api/bots/${BOT}/checks`]: () => ({ status: 200, body: { items: checks } }),
    [`GET /api/bots/${BOT}/deleted-integrations`]: () => ({ status: 200, body: { items: deleted } }),
    [`GET /api/bots/${BOT}/integrations`]: () => ({
      status: 200,
      body: { items: [{ id: BILLING, name: 'TransferToBilling', type: 'LIVEPERSON_AGENT_ESCALATION', version: 1 }] },
    }),
    [`GET /api/bots/${BOT}/integrations/${ORDERS}`]: () => ({ status: 200, body: ORDERS_INTEGRATION }),
    [`GET /api/bots/${BOT}/dialogs/dialog-1/interactions/${INTERACTION}`]: () => ({
      status: 200,
      body: { id: INTERACTION, name: 'api_integration_orders', kind: 'API_INTEGRATION', transitions: [], texts: [] },
      headers: { etag: '"7"' },
    }),
    [`POST /api/bots/${BOT}/integrations/${ORDERS}/revisions/2/restore`]: () => ({ status: 200, body: ORDERS_INTEGRATION }),
    [`PUT /api/bots/${BOT}/dialogs/dialog-1/interactions/${INTERACTION}/integration`]: () => ({
      status: 200,
      body: { id: INTERACTION, name: 'api_integration_orders', kind: 'API_INTEGRATION', transitions: [], texts: [] },
    }),
    [`PUT /api/bots/${BOT}/integrations/${ORDERS}`]: () => ({ status: 200, body: { ...ORDERS_INTEGRATION, version: 5 } }),
  });
}

async function openFix(name: string) {
  const user = userEvent.setup();
  renderInApp(<BotChecks botId={BOT} />, `/bots/${BOT}/dialogs`);
  await user.click(await screen.findByRole('button', { name: /^Checks:/ }));
  await user.click(screen.getByRole('button', { name }));
  return { user, dialog: await screen.findByRole('dialog', { name: /^Fix:/ }) };
}

describe('the fixes of failed checks', () => {
  it('restores the deleted integration an interaction invokes, after showing what it brings back', async () => {
    const api = serve([MISSING]);
    const { user, dialog } = await openFix('Restore or replace…');
    const preview = await within(dialog).findByRole('region', { name: 'What will change' });
    expect(preview).toHaveTextContent('Restore OrderLookup');
    expect(preview).toHaveTextContent('its version 2 is saved again with the same id');
    expect(within(dialog).getByRole('radio', { name: /Restore OrderLookup/ })).toBeChecked();
    expect(api.calls.some((call) => call.method !== 'GET')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const restore = api.calls.find((call) => call.method === 'POST')!;
    expect(restore.path).toBe(`/api/bots/${BOT}/integrations/${ORDERS}/revisions/2/restore`);
    expect(restore.headers['if-match']).toBe('"3"');
  });

  it('re-points the interaction to another integration, with the If-Match of the bot it read', async () => {
    const api = serve([MISSING], []);
    const { user, dialog } = await openFix('Restore or replace…');
    const preview = await within(dialog).findByRole('region', { name: 'What will change' });
    expect(preview).toHaveTextContent('Interaction "api_integration_orders" invokes another integration instead of OrderLookup');
    const apply = within(dialog).getByRole('button', { name: 'Apply' });
    expect(apply).toBeDisabled();
    await user.selectOptions(within(dialog).getByLabelText('Integration to invoke'), 'TransferToBilling');
    expect(preview).toHaveTextContent('TransferToBilling, written into the bot');
    await user.click(apply);
    await waitFor(() => expect(api.calls.some((call) => call.method === 'PUT')).toBe(true));
    const put = api.calls.find((call) => call.method === 'PUT')!;
    expect(put.body).toEqual({ integrationId: BILLING });
    expect(put.headers['if-match']).toBe('"7"');
  });

  it('adds the missing custom data field with the value shown, and refuses an empty one', async () => {
    const api = serve([FIELD]);
    const { user, dialog } = await openFix('Add the field…');
    const value = await within(dialog).findByLabelText('Value of eta');
    expect(value).toHaveValue('{$.api_OrderLookup.eta}');
    expect(within(dialog).getByRole('region', { name: 'What will change' })).toHaveTextContent(
      'Integration OrderLookup gets the custom data field eta, saved as its version 5',
    );
    await user.clear(value);
    expect(within(dialog).getByRole('button', { name: 'Apply' })).toBeDisabled();
    await user.type(value, '{{$.api_OrderLookup.delivery.eta}');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'PUT')).toBe(true));
    const put = api.calls.find((call) => call.method === 'PUT')!;
    expect(put.headers['if-match']).toBe('"4"');
    expect((put.body as { customDataFields: unknown }).customDataFields).toEqual([
      { key: 'status', value: '{$.api_OrderLookup.status}' },
      { key: 'eta', value: '{$.api_OrderLookup.delivery.eta}' },
    ]);
  });
});
