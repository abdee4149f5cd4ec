import { beforeEach, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read the JSON answers as they come */

const locations = (fields: { key: string; value: string }[], url = 'https://stores.example.com/v1') =>
  anIntegrationInput('API', { name: 'Locations', url, customDataFields: fields });
const CITY = '{$.api_Locations.stores[i].city}';
const testCase = (name: string, expectations: Record<string, unknown>) => ({
  name,
  sample: { status: 200, body: JSON.stringify({ stores: [{ city: 'Boston' }] }) },
  expect: expectations,
});

describeEachDatabase('test cases in the integration history (%s)', (kind) => {
  const server = useTestServer(kind);
  let botId: string;
  let integrationId: string;
  const path = () => `/api/bots/${botId}/integrations/${integrationId}`;
  const put = (body: unknown, version: number) => server.request('PUT', path(), { body, headers: { 'if-match': `"${version}"` } });
  const addCase = async (name: string, expectations: Record<string, unknown>) => {
    const created = await server.request('POST', `${path()}/test-cases`, { body: testCase(name, expectations) });
    expect(created.status).toBe(201);
    return created.body as { id: string; version: number };
  };
  const namesNow = async () => (await server.request('GET', `${path()}/test-cases`)).body.items.map((item: any) => item.name);

  beforeEach(async () => {
    botId = await freshBot(server);
    const created = await server.request('POST', `/api/bots/${botId}/integrations`, {
      body: locations([{ key: 'city', value: CITY }]),
    });
    integrationId = created.body.id;
  });

  it('a save that renames a custom data key renames the expectations in its own transaction, listed under its version', async () => {
    const kept = await addCase('Boston', { customData: { city: 'Boston' } });
    const untouched = await addCase('No city', { error: null });
    expect((await put(locations([{ key: 'storeCity', value: CITY }]), 7)).status).toBe(412);
    expect((await server.request('GET', `${path()}/test-cases/${kept.id}`)).body.expect).toEqual({ customData: { city: 'Boston' } });

    const saved = await put(locations([{ key: 'storeCity', value: CITY }]), 1);
    expect(saved.status).toBe(200);
    // Read at once, not after the background run: the rename was part of the save.
    const renamed = await server.request('GET', `${path()}/test-cases/${kept.id}`);
    expect(renamed.body).toMatchObject({ version: 2, expect: { customData: { storeCity: 'Boston' } } });
    expect((await server.request('GET', `${path()}/test-cases/${untouched.id}`)).body.version).toBe(1);

    const history = await server.request('GET', `${path()}/revisions`);
    expect(history.body.items[0]).toMatchObject({
      version: 2,
      testCaseChanges: [
        { testCaseId: kept.id, name: 'Boston', action: 'rename', note: 'expect.customData.city → expect.customData.storeCity' },
      ],
    });
    expect(history.body.items[1].testCaseChanges.map((change: any) => [change.name, change.action])).toEqual([
      ['Boston', 'create'],
      ['No city', 'create'],
    ]);
    const own = await server.request('GET', `${path()}/test-case-revisions`);
    expect(own.body.items[0]).toMatchObject({
      action: 'rename',
      integrationVersion: 2,
      note: 'expect.customData.city → expect.customData.storeCity',
    });
  });

  it('a revision holds its test cases; restoring it brings them back as they were, and restoring a later one undoes that', async () => {
    const first = await addCase('First', { customData: { city: 'Boston' } });
    expect((await put(locations([{ key: 'city', value: CITY }], 'https://stores.example.com/v2'), 1)).status).toBe(200);
    const changed = await server.request('PUT', `${path()}/test-cases/${first.id}`, {
      body: testCase('First, changed', { customData: { city: { matches: 'Bos' } } }),
      headers: { 'if-match': '"1"' },
    });
    expect(changed.status).toBe(200);
    const later = await addCase('Added with version 2', { error: null });

    const one = await server.request('GET', `${path()}/revisions/1`);
    expect(one.body.testCases.map((item: any) => [item.id, item.name, item.expect])).toEqual([
      [first.id, 'First', { customData: { city: 'Boston' } }],
    ]);
    const two = await server.request('GET', `${path()}/revisions/2`);
    expect(two.body.testCases.map((item: any) => item.name)).toEqual(['First, changed', 'Added with version 2']);
    expect(two.body.testCaseChanges.map((change: any) => [change.name, change.action])).toEqual([
      ['First, changed', 'update'],
      ['Added with version 2', 'create'],
    ]);

    const restored = await server.request('POST', `${path()}/revisions/1/restore`, { headers: { 'if-match': '"2"' } });
    expect(restored.status).toBe(200);
    expect(restored.body.version).toBe(3);
    expect(await namesNow()).toEqual(['First']);
    expect((await server.request('GET', `${path()}/test-cases/${first.id}`)).body).toMatchObject({
      version: 3,
      expect: { customData: { city: 'Boston' } },
    });
    const three = (await server.request('GET', `${path()}/revisions`)).body.items[0];
    expect(three.testCaseChanges.map((change: any) => [change.name, change.action])).toEqual([
      ['Added with version 2', 'delete'],
      ['First', 'restore'],
    ]);

    const back = await server.request('POST', `${path()}/revisions/2/restore`, { headers: { 'if-match': '"3"' } });
    expect(back.status).toBe(200);
    expect(await namesNow()).toEqual(['First, changed', 'Added with version 2']);
    const again = await server.request('GET', `${path()}/test-cases/${later.id}`);
    expect(again.body).toMatchObject({ id: later.id, version: 3, expect: { error: null } });
  });

  it('restoring a deleted integration restores its test cases, with their ids', async () => {
    const kept = await addCase('Kept', { customData: { city: ['Boston'] } });
    expect((await server.request('DELETE', path(), { headers: { 'if-match': '"1"' } })).status).toBe(204);
    expect((await server.request('GET', `${path()}/test-cases/${kept.id}`)).status).toBe(404);
    const [entry] = (await server.request('GET', `/api/bots/${botId}/deleted-integrations`)).body.items;
    const restored = await server.request('POST', `${path()}/revisions/${entry.restoreVersion}/restore`, {
      headers: { 'if-match': `"${entry.deletedVersion}"` },
    });
    expect(restored.status).toBe(200);
    const back = await server.request('GET', `${path()}/test-cases/${kept.id}`);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ name: 'Kept', version: 2, expect: { customData: { city: ['Boston'] } } });
    const run = await server.request('POST', `/api/bots/${botId}/test-runs`, { body: { integrationIds: [integrationId] } });
    expect(run.body).toMatchObject({ passed: 1, failed: 0 });
  });
});
