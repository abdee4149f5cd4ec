import { expect, it } from 'vitest';
import { integrationInputSchema } from '../domain/integration';
import { INTEGRATION_TYPE_LABELS } from '../domain/integration-types';
import { summarizeValues } from '../web/features/bots/components/plan-summary';
import { createTestDatabase, startTestServer } from './testing/api-harness';
import { toCbResponder } from './cb-export/to-cb';
import { mapCbResponder } from './cb-export/from-cb';

it('the dummy type works end to end', async () => {
  expect(INTEGRATION_TYPE_LABELS.SMS).toBe('SMS');
  const values = integrationInputSchema.parse({ type: 'SMS', name: 'TextUs', phoneNumber: '+1' });
  const entry = toCbResponder({ id: 'x', values, extras: null }, 'bot');
  expect(entry).toMatchObject({ integrationType: 'SMS', phoneNumber: '+1' });
  expect(mapCbResponder(entry, 0).input).toMatchObject({ type: 'SMS', phoneNumber: '+1' });
  expect(summarizeValues('SMS', values)).toContainEqual({ label: 'Phone Number', value: '+1' });
  const database = await createTestDatabase('pglite');
  const server = await startTestServer(database.target);
  const reset = await server.request('POST', '/api/testing/reset');
  const list = await server.request('GET', `/api/bots/${reset.body.bots[0].id}/integrations`);
  expect(list.body.items.map((item: { type: string }) => item.type)).toContain('SMS');
  const doc = await server.request('GET', '/api/openapi.json');
  expect(JSON.stringify(doc.body)).toContain('phoneNumber');
  await server.close();
  await database.destroy();
}, 60_000);
