import { expect, it } from 'vitest';
import { SECRET_MASK } from '../../domain/environments';
import { describeEachDatabase, useTestServer, type TestServer } from '../testing/api-harness';
import { ORDER_FAILURE_TEXT, rehearsalBotExport } from './testing/rehearsal-bot';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read the JSON answers as they come */

const SECRET = 'rehearsal-secret-7f3a';
const said = (body: any) => body.transcript.filter((entry: any) => entry.from === 'bot').map((entry: any) => entry.text);
const codes = (body: any) => body.warnings.map((warning: any) => warning.code);

async function importFixture(server: TestServer): Promise<{ botId: string; ids: Map<string, string> }> {
  const imported = await server.request('POST', '/api/bots/import', {
    raw: rehearsalBotExport(),
    headers: { 'content-type': 'application/json' },
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  const botId = imported.body.bot.id as string;
  const listed = await server.request('GET', `/api/bots/${botId}/integrations`);
  return { botId, ids: new Map(listed.body.items.map((item: any) => [item.name, item.id])) };
}

describeEachDatabase('rehearsal inputs on %s: test cases as integration results, the environment', (kind) => {
  const server = useTestServer(kind);
  const play = async (botId: string, body: unknown) => {
    const response = await server.request('POST', `/api/bots/${botId}/rehearsals`, { body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  it("answers an integration with a test case's sample when integrationResults names the test case", async () => {
    const { botId, ids } = await importFixture(server);
    const casesOf = (name: string) => `/api/bots/${botId}/integrations/${ids.get(name)}/test-cases`;
    const notFound = await server.request('POST', casesOf('OrderLookup'), {
      body: { name: 'No such order', sample: { status: 404, body: '{"error":"none"}' }, expect: {} },
    });
    expect(notFound.status).toBe(201);
    const shipped = await server.request('POST', casesOf('OrderLookup'), {
      body: { name: 'Shipped', sample: { status: 200, body: '{"status":"shipped","delivery":{"eta":"Friday"},"items":1}' }, expect: {} },
    });
    const billing = await server.request('POST', casesOf('TransferToBilling'), {
      body: { name: 'Billing', sample: { status: 200, body: '{}' }, expect: {} },
    });

    const failed = await play(botId, { messages: ['order status'], integrationResults: { OrderLookup: notFound.body.id } });
    expect(said(failed)).toEqual([ORDER_FAILURE_TEXT]);
    expect(failed.steps.find((step: any) => step.kind === 'API_INTEGRATION').rule).toBe('Not found');
    expect(codes(failed)).not.toContain('test-case-unknown');
    const found = await play(botId, { messages: ['order status'], integrationResults: { OrderLookup: shipped.body.id } });
    expect(said(found)).toEqual(['Order A-100 is shipped, arriving Friday.']);

    // Another integration's test case is not this one's: the rehearsal says so and uses the sample.
    const wrong = await play(botId, { messages: ['order status'], integrationResults: { OrderLookup: billing.body.id } });
    expect(codes(wrong)).toContain('test-case-unknown');
  });

  it("resolves {$env.NAME} with the environment picked, else the bot's own; secrets are masked in the answer", async () => {
    const { botId, ids } = await importFixture(server);
    const environment = await server.request('POST', '/api/environments', {
      body: {
        name: `Rehearsal ${kind} ${Date.now()}`,
        variables: [
          { name: 'BILLING_SKILL', value: '777' },
          { name: 'DESK_CODE', value: SECRET, secret: true },
        ],
      },
    });
    expect(environment.status).toBe(201);
    const path = `/api/bots/${botId}/integrations/${ids.get('TransferToBilling')}`;
    const current = await server.request('GET', path);
    const { id: _id, botId: _bot, version, createdAt: _c, updatedAt: _u, ...values } = current.body;
    const saved = await server.request('PUT', path, {
      body: { ...values, agentSkillId: '{$env.BILLING_SKILL}', messageToUser: 'Connecting you with billing, desk {$env.DESK_CODE}.' },
      headers: { 'if-match': `"${version}"` },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const picked = await play(botId, { messages: ['billing'], environmentId: environment.body.id });
    expect(picked.transfer).toMatchObject({ skillId: '777', message: `Connecting you with billing, desk ${SECRET_MASK}.` });
    expect(said(picked)).toEqual([`Connecting you with billing, desk ${SECRET_MASK}.`]);
    expect(JSON.stringify(picked)).not.toContain(SECRET);
    expect(codes(picked)).not.toContain('skill-id-variable');

    // Without an environment the reference stays as written and the rehearsal says it has no value.
    const none = await play(botId, { messages: ['billing'], environmentId: null });
    expect(none.transfer.skillId).toBe('{$env.BILLING_SKILL}');
    expect(codes(none)).toContain('skill-id-variable');

    // Left out: the bot's own environment.
    const bot = await server.request('GET', `/api/bots/${botId}`);
    const patched = await server.request('PATCH', `/api/bots/${botId}`, {
      body: { environmentId: environment.body.id },
      headers: { 'if-match': `"${bot.body.version}"` },
    });
    expect(patched.status).toBe(200);
    expect((await play(botId, { messages: ['billing'] })).transfer.skillId).toBe('777');
    const coverage = await server.request('GET', `/api/bots/${botId}/transfer-coverage`);
    const billingRow = coverage.body.items.find(
      (item: any) => item.path.interactionName === 'api_integration_billing' && item.outcome === 'accepted',
    );
    expect(billingRow.customerSees).toEqual([`Connecting you with billing, desk ${SECRET_MASK}.`]);
    expect(JSON.stringify(coverage.body)).not.toContain(SECRET);

    const unknown = await server.request('POST', `/api/bots/${botId}/rehearsals`, {
      body: { messages: ['billing'], environmentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.status).toBe(404);
  }, 60_000);
});

describeEachDatabase('the coverage fix "Add a failure rule" on %s', (kind) => {
  const server = useTestServer(kind);

  it('turns an unanswered immediate failure of an Agent Escalation integration interaction into a handled one', async () => {
    const imported = await server.request('POST', '/api/bots/import', {
      raw: rehearsalBotExport({ billingFailureRule: false }),
      headers: { 'content-type': 'application/json' },
    });
    expect(imported.status).toBe(201);
    const botId = imported.body.bot.id as string;
    const rowOf = async (interactionName: string) =>
      (await server.request('GET', `/api/bots/${botId}/transfer-coverage`)).body.items.find(
        (item: any) => item.path.interactionName === interactionName && item.outcome === 'immediate-failure',
      );
    const before = await rowOf('api_integration_billing');
    expect(before).toMatchObject({ handled: false, fix: 'add-failure-rule', customerSees: [] });
    // An Agent Transfer interaction has no response rules on the platform: no such fix offered there.
    expect((await rowOf('escalation_human')).fix).toBeUndefined();

    const message = 'Billing cannot take your call now: we will call you back.';
    const notRule = await server.request('POST', `/api/bots/${botId}/dialogs/failure-rule`, {
      body: { interactionId: (await rowOf('escalation_human')).path.interactionId, message },
    });
    expect(notRule.status).toBe(400);
    expect(Object.keys(notRule.body.errors)).toEqual(['interactionId']);
    const added = await server.request('POST', `/api/bots/${botId}/dialogs/failure-rule`, {
      body: { interactionId: before.path.interactionId, message },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(await rowOf('api_integration_billing')).toMatchObject({ handled: true, customerSees: [message] });
    expect((await rowOf('api_integration_billing')).fix).toBeUndefined();
    const failed = await server.request('POST', `/api/bots/${botId}/rehearsals`, {
      body: { messages: ['billing'], transferOutcome: 'immediate-failure' },
    });
    expect(said(failed.body)).toEqual([message]);
    expect(failed.body.steps.find((step: any) => step.interactionName === 'api_integration_billing').rule).toBe('failure');

    const again = await server.request('POST', `/api/bots/${botId}/dialogs/failure-rule`, {
      body: { interactionId: before.path.interactionId, message },
    });
    expect(again.status).toBe(409);
    const missing = await server.request('POST', `/api/bots/${botId}/dialogs/failure-rule`, { body: { interactionId: 'nope', message } });
    expect(missing.status).toBe(404);
    // The CB export carries the new rule and text as Conversation Builder's own.
    const exported = JSON.stringify((await server.request('GET', `/api/bots/${botId}/export?format=cb`)).body);
    expect(exported).toContain(message);
  }, 60_000);
});
