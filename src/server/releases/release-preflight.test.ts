import { afterAll, beforeEach, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { OWN_EXPORTS, OWN_SUPPORT_DESK } from '../cb-export/testing/own-exports';
import { startFakeLivePerson } from '../directories/testing/fake-liveperson';
import { describeEachDatabase, useTestServer, type TestServer } from '../testing/api-harness';

/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read the answers' JSON */

// The account's lists as the LivePerson APIs answer them: the panel's own tables stay empty.
const REMOTE_SKILL = '222';
const REMOTE_FUNCTION = '5b4b4f52-7d0e-4bbd-9b0b-2d3c9c6f8a01';
const REMOTE_KB = 'kb-remote-1';
const fake = await startFakeLivePerson('lp-token', (request) => {
  const url = request.url ?? '';
  if (url.includes('/skills')) return { status: 200, body: [{ id: Number(REMOTE_SKILL), name: 'Production agents' }] };
  if (url.includes('/lambdas/')) return { status: 200, body: [{ uuid: REMOTE_FUNCTION, name: 'Loyalty', state: 'Productive' }] };
  if (url.includes('/knowledgeBases')) return { status: 200, body: [{ id: REMOTE_KB, name: 'FAQ', type: 'internal' }] };
  return { status: 404 };
});
afterAll(() => fake.close());

const account = (accessToken: string) => ({ accountId: '123456', accessToken, domain: fake.origin });

/** Two bots with their environments: what every test here releases between. */
function releaseBots(server: TestServer) {
  const bots = { dev: '', prod: '', production: '' };
  const post = (path: string, body: unknown) => server.request('POST', path, { body });
  beforeEach(async () => {
    await post('/api/testing/reset', { seed: 'empty' });
    const env = async (name: string, variables: Array<{ name: string; value: string }>) =>
      (await post('/api/environments', { name, variables })).body.id as string;
    const bot = async (name: string, environmentId: string) => {
      const created = (await post('/api/bots', { name })).body;
      await server.request('PATCH', `/api/bots/${created.id}`, { body: { environmentId }, headers: { 'if-match': '*' } });
      return created.id as string;
    };
    const sandbox = await env('Sandbox', [{ name: 'SKILL_ID', value: '111' }]);
    bots.production = await env('Production', [
      { name: 'SKILL_ID', value: REMOTE_SKILL },
      { name: 'CRED', value: 'Orders key' },
    ]);
    bots.dev = await bot('Dev bot', sandbox);
    bots.prod = await bot('Prod bot', bots.production);
    await post(`/api/bots/${bots.prod}/dialogs/escalation-failure`, { message: 'Nobody is free.' });
  });
  return {
    bots,
    post,
    integration: async (botId: string, body: unknown) => {
      const created = await post(`/api/bots/${botId}/integrations`, body);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body;
    },
    plan: (body: Record<string, unknown> = {}, from = bots.dev) =>
      post(`/api/bots/${from}/releases?dryRun=true`, { targetBotId: bots.prod, ...body }),
    release: (body: Record<string, unknown> = {}, from = bots.dev) =>
      post(`/api/bots/${from}/releases`, { targetBotId: bots.prod, ...body }),
    targetNames: async () => ((await server.request('GET', `/api/bots/${bots.prod}/integrations`)).body.items as any[]).map((i) => i.name),
  };
}

const codes = (answer: any) => answer.body.problems.map((problem: any) => [problem.severity, problem.code, problem.field]);

describeEachDatabase('release preflight on %s', (kind) => {
  const server = useTestServer(kind);
  const { bots, post, integration, plan, release, targetNames } = releaseBots(server);

  it('a credential counts by name, ignoring case, also through the target environment', async () => {
    await post('/api/credentials', { name: 'Orders key', type: 'API_KEY', fields: { headerName: 'X-Key' }, secrets: { apiKey: 'k' } });
    await integration(bots.dev, anIntegrationInput('API', { name: 'Orders', credentialId: 'orders KEY' }));
    await integration(bots.dev, anIntegrationInput('API', { name: 'Stock', credentialId: '{$env.CRED}', responseDataVariable: 'Stock' }));
    expect(codes(await plan())).toEqual([]);
    await integration(bots.dev, anIntegrationInput('API', { name: 'Bills', credentialId: 'Billing key', responseDataVariable: 'Bills' }));
    const planned = await plan();
    expect(codes(planned)).toEqual([['error', 'credential-missing', 'credentialId']]);
    expect(planned.body.problems[0]).toMatchObject({ integrationName: 'Bills' });
  });

  it('never says a secret: a skill id from a secret variable the directory lacks is named by its reference', async () => {
    await server.request('PATCH', `/api/environments/${bots.production}`, {
      body: { variables: [{ name: 'SKILL_ID', value: '987654321', secret: true }] },
      headers: { 'if-match': '*' },
    });
    await integration(bots.dev, anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'ToAgents', agentSkillId: '{$env.SKILL_ID}' }));
    const planned = await plan();
    expect(codes(planned)).toEqual([['error', 'skill-missing', 'agentSkillId']]);
    expect(planned.body.problems[0].detail).toContain('{$env.SKILL_ID} (a secret');
    expect(JSON.stringify(planned.body)).not.toContain('987654321');
    const refused = await release();
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).not.toContain('987654321');
  });

  it("error: an integration the target's dialogs use would be removed (the source deleted it since releasing it)", async () => {
    const importBot = async () =>
      (
        await server.request('POST', '/api/bots/import', {
          raw: OWN_EXPORTS[OWN_SUPPORT_DESK]!,
          headers: { 'content-type': 'application/json' },
        })
      ).body;
    const source = await importBot();
    const target = await importBot();
    bots.prod = target.bot.id;
    expect((await release({ force: true }, source.bot.id)).status).toBe(201);
    const lookup = source.integrations.find((item: any) => item.name === 'OrderLookup');
    const deleted = await server.request('DELETE', `/api/bots/${source.bot.id}/integrations/${lookup.id}?force=true`, {
      headers: { 'if-match': '*' },
    });
    expect(deleted.status).toBe(204);

    for (const body of [{}, { integrationIds: [lookup.id] }]) {
      const planned = await plan(body, source.bot.id);
      expect(planned.status).toBe(200);
      expect(planned.body.changes.filter((change: any) => change.action === 'delete')).toEqual([
        expect.objectContaining({ integrationId: lookup.id, name: 'OrderLookup', action: 'delete' }),
      ]);
      expect(codes(planned)).toEqual([['error', 'integration-in-use-removed', undefined]]);
      expect(planned.body.problems[0].detail).toContain('"OrderLookup"');
    }
    expect((await release({ force: true }, source.bot.id)).status).toBe(409);
    expect(await targetNames()).toContain('OrderLookup');
  });

  it('carries a deletion nobody uses in the target, only when the release includes it, and rolls it back', async () => {
    const orders = await integration(bots.dev, anIntegrationInput('API', { name: 'Orders' }));
    const stock = await integration(bots.dev, anIntegrationInput('API', { name: 'Stock', responseDataVariable: 'Stock' }));
    expect((await release()).status).toBe(201);
    const copyId = (await server.request('GET', `/api/bots/${bots.prod}/integrations`)).body.items.find((i: any) => i.name === 'Orders').id;
    expect(
      (await server.request('DELETE', `/api/bots/${bots.dev}/integrations/${orders.id}`, { headers: { 'if-match': '*' } })).status,
    ).toBe(204);

    const onlyStock = await plan({ integrationIds: [stock.id] });
    expect(onlyStock.body.changes.map((change: any) => [change.name, change.action])).toEqual([['Stock', 'unchanged']]);
    const planned = await plan();
    expect(planned.body).toMatchObject({
      changes: [
        { name: 'Stock', action: 'unchanged' },
        { integrationId: orders.id, name: 'Orders', action: 'delete', targetIntegrationId: copyId },
      ],
      problems: [],
    });
    const done = await release();
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(await targetNames()).toEqual(['Stock']);
    const rolled = await post(`/api/bots/${bots.prod}/releases/${done.body.release.id}/rollback`, {});
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(201);
    expect(await targetNames()).toEqual(['Orders', 'Stock']);
    expect((await server.request('GET', `/api/bots/${bots.prod}/integrations/${copyId}`)).body.name).toBe('Orders');
  });

  it('error: a deletion the target changed since the last release', async () => {
    const orders = await integration(bots.dev, anIntegrationInput('API', { name: 'Orders', url: 'https://v1.example.com' }));
    expect((await release()).status).toBe(201);
    const copy = (await server.request('GET', `/api/bots/${bots.prod}/integrations`)).body.items[0];
    const full = (await server.request('GET', `/api/bots/${bots.prod}/integrations/${copy.id}`)).body;
    const { id: _i, botId: _b, createdAt: _c, updatedAt: _u, version: _v, ...values } = full;
    await server.request('PUT', `/api/bots/${bots.prod}/integrations/${copy.id}`, {
      body: { ...values, url: 'https://hotfix.example.com' },
      headers: { 'if-match': '"1"' },
    });
    await server.request('DELETE', `/api/bots/${bots.dev}/integrations/${orders.id}`, { headers: { 'if-match': '*' } });
    expect(codes(await plan())).toEqual([['error', 'target-changed', undefined]]);
  });
});

describeEachDatabase('release preflight with directories read from LivePerson on %s', (kind) => {
  const server = useTestServer(kind, {
    livePersonDirectories: { skills: account('lp-token'), functions: account('lp-token'), 'knowledge-bases': account('lp-token') },
  });
  const { bots, integration, plan } = releaseBots(server);

  it('checks skill, function and knowledge base ids against the lists the pickers read, not the empty tables', async () => {
    expect((await server.request('GET', '/api/skills')).body.source).toBe('liveperson');
    await integration(bots.dev, anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'ToAgents', agentSkillId: '{$env.SKILL_ID}' }));
    await integration(bots.dev, anIntegrationInput('FAAS', { name: 'Points', functionId: REMOTE_FUNCTION }));
    await integration(bots.dev, anIntegrationInput('KNOWLEDGE_AI', { name: 'Faq', knowledgeBaseId: REMOTE_KB }));
    expect(codes(await plan())).toEqual([]);

    await integration(
      bots.dev,
      anIntegrationInput('FAAS', { name: 'Refunds', functionId: 'not-deployed', responseDataVariable: 'Refunds' }),
    );
    await integration(
      bots.dev,
      anIntegrationInput('KNOWLEDGE_AI', { name: 'Gone', knowledgeBaseId: 'gone-kb', responseDataVariable: 'Gone' }),
    );
    await integration(
      bots.dev,
      anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'ToSales', agentSkillId: '333', responseDataVariable: 'ToSales' }),
    );
    const planned = await plan();
    expect(codes(planned)).toEqual([
      ['error', 'skill-missing', 'agentSkillId'],
      ['error', 'function-missing', 'functionId'],
      ['error', 'knowledge-base-missing', 'knowledgeBaseId'],
    ]);
    expect(planned.body.problems.map((problem: any) => problem.integrationName)).toEqual(['ToSales', 'Refunds', 'Gone']);
  });
});

describeEachDatabase('release preflight when a LivePerson list cannot be read on %s', (kind) => {
  const server = useTestServer(kind, { livePersonDirectories: { functions: account('revoked') } });

  it('warns that the ids are not checked (a warning: force releases)', async () => {
    await server.request('POST', '/api/testing/reset', { body: { seed: 'empty' } });
    const dev = (await server.request('POST', '/api/bots', { body: { name: 'Dev bot' } })).body.id;
    const prod = (await server.request('POST', '/api/bots', { body: { name: 'Prod bot' } })).body.id;
    await server.request('POST', `/api/bots/${dev}/integrations`, { body: anIntegrationInput('FAAS', { functionId: REMOTE_FUNCTION }) });
    const planned = await server.request('POST', `/api/bots/${dev}/releases?dryRun=true`, { body: { targetBotId: prod } });
    expect(codes(planned)).toEqual([['warning', 'directory-not-checked', 'functionId']]);
    expect(planned.body.problems[0].detail).toContain('401');
    expect((await server.request('POST', `/api/bots/${dev}/releases`, { body: { targetBotId: prod } })).status).toBe(409);
    expect((await server.request('POST', `/api/bots/${dev}/releases`, { body: { targetBotId: prod, force: true } })).status).toBe(201);
  });
});
