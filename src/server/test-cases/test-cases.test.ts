import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeEach, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

const stores = [{ city: 'Boston' }, { city: 'Denver' }];
const WRAP = `var response = botContext.getBotVariable('api_Locations');
var jsonData = JSON.parse(response.jsonData);
response.jsonData = JSON.stringify({ api_Locations: { stores: jsonData.api_Locations } });
botContext.setBotVariable('api_Locations', response, true, false);
botContext.setBotVariable('region', botContext.getEnvVariable('region'), true, false);
botContext.printDebugMessage('stores ' + jsonData.api_Locations.length);`;

const locations = (transformScript = WRAP) =>
  anIntegrationInput('API', {
    name: 'Locations',
    transformScript,
    customDataFields: [{ key: 'city', value: '{$.api_Locations.stores[i].city}' }],
  });

const aTestCase = (expect: Record<string, unknown>, name = 'Two stores') => ({
  name,
  sample: { status: 200, body: JSON.stringify(stores) },
  envVariables: { region: 'EU' },
  expect,
});

describeEachDatabase('test cases and test runs (%s)', (kind) => {
  const server = useTestServer(kind);
  let botId: string;
  let integrationId: string;
  const casesPath = () => `/api/bots/${botId}/integrations/${integrationId}/test-cases`;
  const create = async (expectations: Record<string, unknown>, name?: string) => {
    const created = await server.request('POST', casesPath(), { body: aTestCase(expectations, name) });
    expect(created.status).toBe(201);
    return created.body as { id: string; version: number };
  };
  const runAll = async (body: Record<string, unknown> = {}) => {
    const run = await server.request('POST', `/api/bots/${botId}/test-runs`, { body });
    expect(run.status).toBe(201);
    return run.body;
  };

  beforeEach(async () => {
    botId = await freshBot(server);
    const created = await server.request('POST', `/api/bots/${botId}/integrations`, { body: locations() });
    integrationId = created.body.id;
  });

  it('creates, reads, replaces and deletes a test case with ETags', async () => {
    const created = await server.request('POST', casesPath(), { body: aTestCase({ error: null }) });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`${casesPath()}/${created.body.id}`);
    const path = `${casesPath()}/${created.body.id}`;
    const read = await server.request('GET', path);
    expect(read.body).toMatchObject({ name: 'Two stores', integrationId, expect: { error: null }, lastRun: null });
    expect((await server.request('GET', path, { headers: { 'if-none-match': '"1"' } })).status).toBe(304);

    const changed = aTestCase({ error: null, logIncludes: ['stores 2'] }, 'Renamed');
    expect((await server.request('PUT', path, { body: changed })).status).toBe(428);
    expect((await server.request('PUT', path, { body: changed, headers: { 'if-match': '"7"' } })).status).toBe(412);
    const replaced = await server.request('PUT', path, { body: changed, headers: { 'if-match': '"1"' } });
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('etag')).toBe('"2"');
    expect((await server.request('GET', casesPath())).body.items.map((item: { name: string }) => item.name)).toEqual(['Renamed']);

    expect((await server.request('DELETE', path, { headers: { 'if-match': '"1"' } })).status).toBe(412);
    expect((await server.request('DELETE', path, { headers: { 'if-match': '"2"' } })).status).toBe(204);
    expect((await server.request('GET', path)).status).toBe(404);
    const history = await server.request('GET', `/api/bots/${botId}/integrations/${integrationId}/test-case-revisions`);
    expect(history.body.items.map((item: { action: string }) => item.action)).toEqual(['delete', 'update', 'create']);
  });

  it('refuses a malformed test case, a bad pattern and an unknown integration', async () => {
    const bad = await server.request('POST', casesPath(), { body: aTestCase({ error: 'nonsense' }) });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toContain('expect.error');
    const pattern = await server.request('POST', casesPath(), { body: aTestCase({ customData: { city: { matches: '(Bos' } } }) });
    expect(pattern.status).toBe(400);
    expect(Object.keys(pattern.body.errors)).toEqual(['expect.customData.city.matches']);
    const unknown = `/api/bots/${botId}/integrations/00000000-0000-4000-8000-000000000000/test-cases`;
    expect((await server.request('POST', unknown, { body: aTestCase({}) })).status).toBe(404);
  });

  it('passes and fails each matcher, with path, expected and actual', async () => {
    const passing = await create(
      {
        error: null,
        customData: { city: ['Boston', 'Denver'] },
        botVariables: { region: 'EU' },
        logIncludes: ['stores 2'],
      },
      'exact values',
    );
    const patterns = await create(
      { customData: { city: { matches: '^[A-Z][a-z]+$' } }, botVariables: { region: { matches: 'E.' } } },
      'patterns',
    );
    const failing = await create(
      {
        error: 'script',
        customData: { city: ['Boston'], missing: 'x' },
        botVariables: { region: { matches: '^US$' } },
        logIncludes: ['stores 3'],
      },
      'all wrong',
    );
    const run = await runAll();
    expect(run).toMatchObject({ passed: 2, failed: 1 });
    const byId = new Map(run.results.map((result: { testCaseId: string }) => [result.testCaseId, result]));
    expect(byId.get(passing.id)).toMatchObject({ status: 'passed', failures: [], integrationId, name: 'exact values' });
    expect(byId.get(patterns.id)).toMatchObject({ status: 'passed', failures: [] });
    expect(byId.get(failing.id)).toMatchObject({
      status: 'failed',
      failures: [
        { path: 'error', expected: 'script', actual: null },
        { path: 'customData.city', expected: ['Boston'], actual: ['Boston', 'Denver'] },
        { path: 'customData.missing', expected: 'x', actual: null },
        { path: 'botVariables.region', expected: { matches: '^US$' }, actual: 'EU' },
        { path: 'logIncludes.0', expected: 'stores 3', actual: ['stores 2'] },
      ],
    });
    expect((byId.get(failing.id) as { durationMs: number }).durationMs).toBeGreaterThan(0);
    const again = await server.request('GET', `/api/bots/${botId}/test-runs/${run.id}`);
    expect(again.body).toEqual(run);
  });

  it('checks what an Agent Escalation transfers', async () => {
    const escalation = await server.request('POST', `/api/bots/${botId}/integrations`, {
      body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', {
        name: 'Escalate',
        agentSkillId: '{$botContext.skillId}',
        agentId: '',
        messageToUser: 'BLANK_MESSAGE',
        transferBotContext: true,
        transformScript: "botContext.setBotVariable('skillId', '3402109730', true, false);",
      }),
    });
    expect(escalation.status).toBe(201);
    const path = `/api/bots/${botId}/integrations/${escalation.body.id}/test-cases`;
    const body = (transfer: Record<string, unknown>) => ({ name: 'transfer', sample: { status: 200, body: '{}' }, expect: { transfer } });
    expect(
      (
        await server.request('POST', path, {
          body: body({ agentSkillId: '3402109730', agentId: '', message: 'BLANK_MESSAGE', transferBotContext: true }),
        })
      ).status,
    ).toBe(201);
    expect((await server.request('POST', path, { body: body({ agentSkillId: '42', transferBotContext: false }) })).status).toBe(201);
    const run = await runAll({ integrationIds: [escalation.body.id] });
    expect(run.results.map((result: { status: string }) => result.status).sort()).toEqual(['failed', 'passed']);
    const failed = run.results.find((result: { status: string }) => result.status === 'failed');
    expect(failed.failures).toEqual([
      { path: 'transfer.agentSkillId', expected: '42', actual: '3402109730' },
      { path: 'transfer.transferBotContext', expected: false, actual: true },
    ]);
  });

  it('reports a limit reached as error, unless the test case expects it', async () => {
    await server.request('PUT', `/api/bots/${botId}/integrations/${integrationId}`, {
      body: locations('while (true) {}'),
      headers: { 'if-match': '*' },
    });
    const unexpected = await create({ customData: { city: ['Boston', 'Denver'] } }, 'loops');
    const expected = await create({ error: 'timeout' }, 'expects the timeout');
    const run = await runAll({ testCaseIds: [unexpected.id, expected.id] });
    const byId = new Map(run.results.map((result: { testCaseId: string }) => [result.testCaseId, result]));
    expect(byId.get(unexpected.id)).toMatchObject({
      status: 'error',
      failures: expect.arrayContaining([{ path: 'error', expected: null, actual: 'timeout' }]),
    });
    expect(byId.get(expected.id)).toMatchObject({ status: 'passed' });
    expect(run).toMatchObject({ passed: 1, failed: 1 });
  }, 30_000);

  it('answers JUnit XML that CI tools read', async () => {
    await create({ error: null }, 'passes');
    await create({ customData: { city: 'Paris' } }, 'fails & <escapes>');
    const run = await runAll();
    const junit = await server.request('GET', `/api/bots/${botId}/test-runs/${run.id}?format=junit`);
    expect(junit.status).toBe(200);
    expect(junit.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(XMLValidator.validate(junit.body)).toBe(true);
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'testcase' || name === 'testsuite',
    }).parse(junit.body);
    const suite = xml.testsuites.testsuite[0];
    expect(suite).toMatchObject({ name: 'Test Bot', tests: '2', failures: '1', errors: '0' });
    const cases = suite.testcase as { name: string; classname: string; time: string; failure?: { message: string } }[];
    expect(cases.map((item) => item.name).sort()).toEqual(['fails & <escapes>', 'passes']);
    const failed = cases.find((item) => item.failure)!;
    expect(failed.classname).toBe(integrationId);
    expect(failed.failure!.message).toContain('customData.city: expected "Paris", got ["Boston","Denver"]');
    expect((await server.request('GET', `/api/bots/${botId}/test-runs/${run.id}?format=yaml`)).status).toBe(400);
    expect((await server.request('GET', `/api/bots/${botId}/test-runs/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('runs on the saved integration, or on an unsaved body without touching the badge', async () => {
    const testCase = await create({ customData: { city: ['Boston', 'Denver'] } });
    const broken = { ...locations(), customDataFields: [{ key: 'city', value: '{$.api_Locations.stores[0].city}' }] };
    const unsaved = await runAll({ unsaved: { integrationId, integration: broken } });
    expect(unsaved.results[0]).toMatchObject({ status: 'failed', failures: [{ path: 'customData.city', actual: 'Boston' }] });
    const saved = await runAll();
    expect(saved.results[0]).toMatchObject({ testCaseId: testCase.id, status: 'passed' });
    // The unsaved run says nothing of the saved integration.
    expect((await server.request('GET', `${casesPath()}/${testCase.id}`)).body.lastRun).toEqual({ runId: saved.id, status: 'passed' });
  });

  it('runs the test cases in the background after a save, and the badge shows the failing run', async () => {
    const testCase = await create({ customData: { city: ['Boston', 'Denver'] } });
    const changed = { ...locations(), customDataFields: [{ key: 'city', value: '{$.api_Locations.stores[1].city}' }] };
    const saved = await server.request('PUT', `/api/bots/${botId}/integrations/${integrationId}`, {
      body: changed,
      headers: { 'if-match': '"1"' },
    });
    expect(saved.status).toBe(200);
    let lastRun: { runId: string; status: string } | null = null;
    for (let attempt = 0; attempt < 100 && !lastRun; attempt++) {
      lastRun = (await server.request('GET', `${casesPath()}/${testCase.id}`)).body.lastRun;
      if (!lastRun) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(lastRun).toMatchObject({ status: 'failed' });
    const failing = await server.request('GET', `/api/bots/${botId}/test-cases/failing`);
    expect(failing.body.items).toEqual([{ integrationId, runId: lastRun!.runId, failed: 1 }]);
    const run = await server.request('GET', `/api/bots/${botId}/test-runs/${lastRun!.runId}`);
    expect(run.body.results[0].failures).toEqual([{ path: 'customData.city', expected: ['Boston', 'Denver'], actual: 'Denver' }]);
  });

  const waitForRun = async (testCaseId: string, previous: string | null = null) => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const lastRun = (await server.request('GET', `${casesPath()}/${testCaseId}`)).body.lastRun;
      if (lastRun && lastRun.runId !== previous) return lastRun as { runId: string; status: string };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no background run');
  };

  it('renaming the integration renames its variables in the test cases, listed in the changes', async () => {
    const testCase = await create({ botVariables: { api_Locations: { matches: 'Denver' }, region: 'EU' } }, 'status kept');
    const path = `/api/bots/${botId}/integrations/${integrationId}/rename`;
    const dry = await server.request('POST', `${path}?dryRun=true`, { body: { name: 'Stores', responseDataVariable: 'Stores' } });
    expect(dry.status).toBe(200);
    const change = { where: 'testCase', integrationId, integrationName: 'Locations › status kept' };
    expect(dry.body.changes).toContainEqual({
      ...change,
      dialogId: null,
      dialogName: null,
      interactionId: null,
      interactionName: null,
      before: 'expect.botVariables.api_Locations',
      after: 'expect.botVariables.api_Stores',
    });
    expect((await server.request('GET', `${casesPath()}/${testCase.id}`)).body.version).toBe(1);

    const done = await server.request('POST', path, {
      body: { name: 'Stores', responseDataVariable: 'Stores' },
      headers: { 'if-match': '"1"' },
    });
    expect(done.status).toBe(200);
    expect(done.body.changes).toEqual(dry.body.changes);
    const renamed = await server.request('GET', `${casesPath()}/${testCase.id}`);
    expect(renamed.body).toMatchObject({ version: 2, expect: { botVariables: { api_Stores: { matches: 'Denver' }, region: 'EU' } } });
    const history = await server.request('GET', `/api/bots/${botId}/integrations/${integrationId}/test-case-revisions`);
    expect(history.body.items[0]).toMatchObject({ action: 'rename', version: 2 });
    // The rename rewrote the script to api_Stores too: the test case runs and passes after it.
    expect(await waitForRun(testCase.id)).toMatchObject({ status: 'passed' });
  });

  it('a save that renames a custom data key renames the expectation, and the test case keeps passing', async () => {
    const testCase = await create({ customData: { city: ['Boston', 'Denver'] } });
    const renamedKey = { ...locations(), customDataFields: [{ key: 'storeCity', value: '{$.api_Locations.stores[i].city}' }] };
    const saved = await server.request('PUT', `/api/bots/${botId}/integrations/${integrationId}`, {
      body: renamedKey,
      headers: { 'if-match': '"1"' },
    });
    expect(saved.status).toBe(200);
    expect(await waitForRun(testCase.id)).toMatchObject({ status: 'passed' });
    expect((await server.request('GET', `${casesPath()}/${testCase.id}`)).body.expect).toEqual({
      customData: { storeCity: ['Boston', 'Denver'] },
    });
  });

  it('travels in the native export and import, and stays out of the CB export', async () => {
    await create({ customData: { city: ['Boston', 'Denver'] }, logIncludes: ['stores 2'] }, 'kept');
    const native = await server.request('GET', `/api/bots/${botId}/export?format=native`);
    expect(native.status).toBe(200);
    const file = native.body;
    expect(file.integrations[0].testCases).toEqual([
      aTestCase({ customData: { city: ['Boston', 'Denver'] }, logIncludes: ['stores 2'] }, 'kept'),
    ]);
    const cb = await server.request('GET', `/api/bots/${botId}/export?format=cb`);
    expect(JSON.stringify(cb.body)).not.toContain('testCases');
    expect(JSON.stringify(cb.body)).not.toContain('stores 2');

    file.bot.name = 'Copy';
    const imported = await server.request('POST', '/api/bots/import', { body: file });
    expect(imported.status).toBe(201);
    const copyId = imported.body.bot.id;
    const copyIntegration = imported.body.integrations[0].id;
    const listed = await server.request('GET', `/api/bots/${copyId}/integrations/${copyIntegration}/test-cases`);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({
      ...aTestCase({ customData: { city: ['Boston', 'Denver'] }, logIncludes: ['stores 2'] }, 'kept'),
      integrationId: copyIntegration,
    });
    const again = (await server.request('GET', `/api/bots/${copyId}/export?format=native`)).body;
    expect(again.integrations[0].testCases).toEqual(file.integrations[0].testCases);
    const run = await server.request('POST', `/api/bots/${copyId}/test-runs`, { body: {} });
    expect(run.body).toMatchObject({ passed: 1, failed: 0 });

    // A broken test case in the file: nothing is imported, and the problem names its place.
    file.integrations[0].testCases[0].expect = { customData: { city: { matches: '(' } } };
    const refused = await server.request('POST', '/api/bots/import', { body: { ...file, bot: { ...file.bot, name: 'Broken' } } });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.errors)).toEqual(['integrations.0.testCases.0.expect.customData.city.matches']);
    expect((await server.request('GET', '/api/bots?q=Broken')).body.items).toEqual([]);
  });

  it('seeds the demo bot with a test case for each integration, all passing', async () => {
    const reset = await server.request('POST', '/api/testing/reset', { body: {} });
    const demoId = reset.body.bots[0].id;
    const integrations = (await server.request('GET', `/api/bots/${demoId}/integrations`)).body.items;
    const run = await server.request('POST', `/api/bots/${demoId}/test-runs`, { body: {} });
    expect(run.status).toBe(201);
    expect(new Set(run.body.results.map((result: { integrationId: string }) => result.integrationId)).size).toBe(integrations.length);
    expect(run.body.results.filter((result: { status: string }) => result.status !== 'passed')).toEqual([]);
  }, 60_000);
});
