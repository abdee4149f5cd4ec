import { beforeEach, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { OWN_EXPORTS, OWN_SUPPORT_DESK } from '../cb-export/testing/own-exports';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';

/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read the answers' JSON */

describeEachDatabase('releases on %s', (kind) => {
  const server = useTestServer(kind);
  let dev: string;
  let prod: string;
  let production: string;

  const post = (path: string, body: unknown) => server.request('POST', path, { body });
  const env = async (name: string, variables: Array<{ name: string; value: string }>) =>
    (await post('/api/environments', { name, variables })).body.id as string;
  const bot = async (name: string, environmentId: string | null) => {
    const created = (await post('/api/bots', { name })).body;
    await server.request('PATCH', `/api/bots/${created.id}`, { body: { environmentId }, headers: { 'if-match': '*' } });
    return created.id as string;
  };
  const integration = async (botId: string, body: unknown) => {
    const created = await post(`/api/bots/${botId}/integrations`, body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  };
  const plan = (body: Record<string, unknown> = {}, from = dev) =>
    post(`/api/bots/${from}/releases?dryRun=true`, { targetBotId: prod, ...body });
  const release = (body: Record<string, unknown> = {}, from = dev) => post(`/api/bots/${from}/releases`, { targetBotId: prod, ...body });
  const targetIntegrations = async () => (await server.request('GET', `/api/bots/${prod}/integrations`)).body.items as any[];
  const codes = (answer: any) => answer.body.problems.map((problem: any) => [problem.severity, problem.code, problem.field]);

  beforeEach(async () => {
    await post('/api/testing/reset', { seed: 'empty' });
    await post('/api/skills', { id: 111, name: 'Sandbox agents' });
    await post('/api/skills', { id: 222, name: 'Production agents' });
    const sandbox = await env('Sandbox', [{ name: 'SKILL_ID', value: '111' }]);
    production = await env('Production', [{ name: 'SKILL_ID', value: '222' }]);
    dev = await bot('Dev bot', sandbox);
    prod = await bot('Prod bot', production);
  });

  const escalation = (overrides: Record<string, unknown> = {}) =>
    anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'ToAgents', agentSkillId: '{$env.SKILL_ID}', ...overrides });

  it('plans without storing anything: each change with its field diffs, {$env.X} unresolved', async () => {
    const api = await integration(dev, anIntegrationInput('API', { name: 'Orders' }));
    await integration(prod, anIntegrationInput('API', { name: 'Orders', url: 'https://old.example.com/orders' }));
    const answer = await plan({ integrationIds: [api.id] });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      changes: [
        {
          integrationId: api.id,
          name: 'Orders',
          action: 'update',
          targetIntegrationId: expect.any(String),
          fields: [{ path: 'url', before: 'https://old.example.com/orders', after: api.url }],
        },
      ],
      problems: [],
    });
    const all = await plan();
    expect(all.body.changes.map((change: any) => change.action)).toEqual(['update']);
    expect((await targetIntegrations())[0].version).toBe(1);
    expect((await server.request('GET', `/api/bots/${dev}/releases`)).body.items).toEqual([]);
  });

  it("applies as new revisions of the target's integrations, authored by the release, and lists it on both bots", async () => {
    await integration(dev, escalation());
    await post(`/api/bots/${prod}/dialogs/escalation-failure`, { message: 'Nobody is free.' });
    const done = await release({ note: 'First', author: 'Dana' });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.release).toMatchObject({
      number: 1,
      sourceBotId: dev,
      targetBotId: prod,
      note: 'First',
      author: 'Dana',
      rollbackOf: null,
    });
    expect(done.body.release.changes).toEqual([expect.objectContaining({ name: 'ToAgents', action: 'create' })]);
    const [copy] = await targetIntegrations();
    const read = (await server.request('GET', `/api/bots/${prod}/integrations/${copy.id}`)).body;
    // Carried as it is: the value stays in each bot's environment.
    expect(read.agentSkillId).toBe('{$env.SKILL_ID}');
    const revisions = (await server.request('GET', `/api/bots/${prod}/integrations/${copy.id}/revisions`)).body.items;
    expect(revisions).toEqual([expect.objectContaining({ version: 1, action: 'release', summary: 'Released' })]);
    for (const botId of [dev, prod]) {
      expect((await server.request('GET', `/api/bots/${botId}/releases`)).body.items).toEqual([
        expect.objectContaining({ id: done.body.release.id }),
      ]);
    }
    const again = await plan();
    expect(again.body.changes[0].action).toBe('unchanged');
  });

  it('error: a {$env.X} the target environment lacks stops the release until it is added', async () => {
    await integration(dev, escalation({ messageToUser: 'Connecting you to {$env.QUEUE}' }));
    await post(`/api/bots/${prod}/dialogs/escalation-failure`, { message: 'Nobody is free.' });
    const planned = await plan();
    expect(codes(planned)).toEqual([['error', 'env-variable-missing', 'messageToUser']]);
    expect(planned.body.problems[0].detail).toContain('"Production"');
    const refused = await release({ force: true });
    expect(refused.status).toBe(409);
    expect(refused.body.problems).toHaveLength(1);
    expect(await targetIntegrations()).toEqual([]);
    await server.request('PATCH', `/api/environments/${production}`, {
      body: {
        variables: [
          { name: 'SKILL_ID', value: '222' },
          { name: 'QUEUE', value: 'billing' },
        ],
      },
      headers: { 'if-match': '*' },
    });
    expect((await release()).status).toBe(201);
  });

  it('error: a skill the directory lacks, read through the target environment', async () => {
    await server.request('PATCH', `/api/environments/${production}`, {
      body: { variables: [{ name: 'SKILL_ID', value: '333' }] },
      headers: { 'if-match': '*' },
    });
    await integration(dev, escalation());
    await post(`/api/bots/${prod}/dialogs/escalation-failure`, { message: 'Nobody is free.' });
    const planned = await plan();
    expect(codes(planned)).toEqual([['error', 'skill-missing', 'agentSkillId']]);
    expect(planned.body.problems[0].detail).toContain('"333"');
  });

  it('error: a credential the directory lacks', async () => {
    const credential = (
      await post('/api/credentials', { name: 'Orders key', type: 'API_KEY', fields: { headerName: 'X-Key' }, secrets: { apiKey: 'k' } })
    ).body;
    await integration(dev, anIntegrationInput('API', { name: 'Orders', credentialId: credential.id }));
    expect(codes(await plan())).toEqual([]);
    await integration(dev, anIntegrationInput('API', { name: 'Stock', credentialId: '00000000-0000-4000-8000-00000000c0de' }));
    const planned = await plan();
    expect(codes(planned)).toEqual([['error', 'credential-missing', 'credentialId']]);
    expect(planned.body.problems[0].integrationName).toBe('Stock');
  });

  it('error: a function the directory lacks', async () => {
    await integration(dev, anIntegrationInput('FAAS', { functionId: 'not-deployed' }));
    expect(codes(await plan())).toEqual([['error', 'function-missing', 'functionId']]);
  });

  it('error: a knowledge base the directory lacks', async () => {
    await integration(dev, anIntegrationInput('KNOWLEDGE_AI', { knowledgeBaseId: 'gone-kb' }));
    expect(codes(await plan())).toEqual([['error', 'knowledge-base-missing', 'knowledgeBaseId']]);
  });

  it("error: an integration the target's dialogs use would be renamed", async () => {
    const importBot = async () =>
      (
        await server.request('POST', '/api/bots/import', {
          raw: OWN_EXPORTS[OWN_SUPPORT_DESK]!,
          headers: { 'content-type': 'application/json' },
        })
      ).body;
    const source = await importBot();
    const target = await importBot();
    prod = target.bot.id;
    const first = await release({ force: true }, source.bot.id);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const lookup = source.integrations.find((item: any) => item.name === 'OrderLookup');
    const renamed = await server.request('POST', `/api/bots/${source.bot.id}/integrations/${lookup.id}/rename`, {
      body: { name: 'OrderStatusLookup' },
      headers: { 'if-match': '*' },
    });
    expect(renamed.status).toBe(200);
    const planned = await plan({ integrationIds: [lookup.id] }, source.bot.id);
    expect(codes(planned)).toEqual([['error', 'integration-in-use-renamed', 'name']]);
    expect(planned.body.problems[0].detail).toContain('"OrderLookup"');
  });

  it('warning: the target does not catch __agent_escalation_failed__ while the release brings an escalation; force releases', async () => {
    await integration(dev, escalation());
    const planned = await plan();
    expect(codes(planned)).toEqual([['warning', 'escalation-failure-not-caught', undefined]]);
    const refused = await release();
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('force');
    expect((await release({ force: true })).status).toBe(201);
  });

  it('error: the target copy changed since the last release from this bot, as a three-way field diff', async () => {
    const api = await integration(dev, anIntegrationInput('API', { name: 'Orders', url: 'https://v1.example.com' }));
    expect((await release()).status).toBe(201);
    const [copy] = await targetIntegrations();
    const full = (await server.request('GET', `/api/bots/${prod}/integrations/${copy.id}`)).body;
    const { id: _i, botId: _b, createdAt: _c, updatedAt: _u, version: _v, ...values } = full;
    await server.request('PUT', `/api/bots/${prod}/integrations/${copy.id}`, {
      body: { ...values, url: 'https://hotfix.example.com' },
      headers: { 'if-match': '"1"' },
    });
    const { id: _si, botId: _sb, createdAt: _sc, updatedAt: _su, version: _sv, ...sourceValues } = api;
    await server.request('PUT', `/api/bots/${dev}/integrations/${api.id}`, {
      body: { ...sourceValues, url: 'https://v2.example.com' },
      headers: { 'if-match': '"1"' },
    });
    const planned = await plan();
    expect(codes(planned)).toEqual([['error', 'target-changed', undefined]]);
    expect(planned.body.problems[0].threeWay).toEqual([
      { path: 'url', base: 'https://v1.example.com', target: 'https://hotfix.example.com', source: 'https://v2.example.com' },
    ]);
    expect((await release()).status).toBe(409);
  });

  it('applies in one transaction: a failure in the middle leaves the target untouched', async () => {
    const first = await integration(dev, anIntegrationInput('API', { name: 'Orders', responseDataVariable: 'Orders' }));
    const second = await integration(
      dev,
      anIntegrationInput('API', { name: 'Stock', responseDataVariable: 'Stock', url: 'https://stock.example.com' }),
    );
    await integration(prod, anIntegrationInput('API', { name: 'Orders', url: 'https://old.example.com' }));
    // The target holds another integration under the response data variable Stock: creating the copy fails.
    await integration(prod, anIntegrationInput('API', { name: 'Inventory', responseDataVariable: 'Stock' }));
    const failed = await release({ integrationIds: [first.id, second.id] });
    expect(failed.status).toBe(409);
    const after = await targetIntegrations();
    expect(after.map((item) => [item.name, item.version])).toEqual([
      ['Inventory', 1],
      ['Orders', 1],
    ]);
    expect((await server.request('GET', `/api/bots/${prod}/releases`)).body.items).toEqual([]);
  });

  it('rolls back as a new release, itself reversible, and refuses with 409 once the target changed', async () => {
    const api = await integration(dev, anIntegrationInput('API', { name: 'Orders', url: 'https://new.example.com' }));
    await integration(dev, anIntegrationInput('FAAS', { name: 'Points', functionId: 'loyalty' }));
    await post('/api/functions', { id: 'loyalty', name: 'Loyalty', state: 'Productive' });
    const existing = await integration(prod, anIntegrationInput('API', { name: 'Orders', url: 'https://old.example.com' }));
    const done = await release();
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.release.changes.map((change: any) => [change.name, change.action])).toEqual([
      ['Orders', 'update'],
      ['Points', 'create'],
    ]);
    expect(api.url).toBe('https://new.example.com');

    const rolled = await post(`/api/bots/${prod}/releases/${done.body.release.id}/rollback`, {});
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(201);
    expect(rolled.body.release).toMatchObject({ number: 2, rollbackOf: done.body.release.id });
    const back = await targetIntegrations();
    expect(back.map((item) => item.name)).toEqual(['Orders']);
    expect((await server.request('GET', `/api/bots/${prod}/integrations/${existing.id}`)).body.url).toBe('https://old.example.com');

    const again = await post(`/api/bots/${prod}/releases/${rolled.body.release.id}/rollback`, {});
    expect(again.status).toBe(201);
    expect((await targetIntegrations()).map((item) => item.name)).toEqual(['Orders', 'Points']);
    expect((await server.request('GET', `/api/bots/${prod}/integrations/${existing.id}`)).body.url).toBe('https://new.example.com');

    const orders = (await server.request('GET', `/api/bots/${prod}/integrations/${existing.id}`)).body;
    const { id: _i, botId: _b, createdAt: _c, updatedAt: _u, version, ...values } = orders;
    await server.request('PUT', `/api/bots/${prod}/integrations/${existing.id}`, {
      body: { ...values, url: 'https://hand.example.com' },
      headers: { 'if-match': `"${version}"` },
    });
    const refused = await post(`/api/bots/${prod}/releases/${again.body.release.id}/rollback`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('"Orders"');
    expect((await server.request('GET', `/api/bots/${prod}/releases`)).body.items).toHaveLength(3);
  });

  it('refuses a release into itself and an integration of another bot', async () => {
    expect((await post(`/api/bots/${dev}/releases?dryRun=true`, { targetBotId: dev })).status).toBe(400);
    const other = await integration(prod, anIntegrationInput('API'));
    const foreign = await plan({ integrationIds: [other.id] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toHaveProperty(['integrationIds.0']);
  });
});
