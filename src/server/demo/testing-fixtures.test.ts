import { expect, it } from 'vitest';
import { DEMO_BOT } from '../../domain/samples';
import { describeEachDatabase, startTestServer, useTestServer } from '../testing/api-harness';

interface Fixture {
  botId: string;
  botName: string;
  integrationIds: Record<string, string>;
  skillIds: Record<string, string>;
  credentialIds: Record<string, string>;
}

describeEachDatabase('test API fixtures on %s', (kind) => {
  const server = useTestServer(kind);

  it('gives each call a bot of its own with the demo integrations, and leaves the other bots alone', async () => {
    const first = await server.request<Fixture>('POST', '/api/testing/fixtures', { body: { seed: 'demo', prefix: 'w0-a' } });
    const second = await server.request<Fixture>('POST', '/api/testing/fixtures', { body: { seed: 'demo', prefix: 'w1-b' } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(first.body.botId).not.toBe(second.body.botId);
    expect(first.body.botName).toBe(`w0-a ${DEMO_BOT.name}`);

    const integrations = await server.request('GET', `/api/bots/${first.body.botId}/integrations`);
    const byName = Object.fromEntries(integrations.body.items.map((item: { name: string; id: string }) => [item.name, item.id]));
    expect(first.body.integrationIds).toEqual(byName);
    expect(Object.keys(byName)).toHaveLength(6);
    // The escalation's skill is one the fixture answers, and it is in the directory.
    const escalation = integrations.body.items.find((item: { type: string }) => item.type === 'LIVEPERSON_AGENT_ESCALATION');
    const full = await server.request('GET', `/api/bots/${first.body.botId}/integrations/${escalation.id}`);
    expect(first.body.skillIds[full.body.agentSkillName]).toBe(full.body.agentSkillId);
    expect((await server.request('GET', `/api/skills/${full.body.agentSkillId}`)).status).toBe(200);
    const api = integrations.body.items.find((item: { type: string }) => item.type === 'API');
    const apiFull = await server.request('GET', `/api/bots/${first.body.botId}/integrations/${api.id}`);
    expect(Object.values(first.body.credentialIds)).toContain(apiFull.body.credentialId);

    // Dropping one fixture leaves the other's bot as it was.
    expect((await server.request('DELETE', `/api/testing/fixtures/${first.body.botId}`)).status).toBe(204);
    expect((await server.request('GET', `/api/bots/${first.body.botId}`)).status).toBe(404);
    expect((await server.request('GET', `/api/bots/${second.body.botId}/integrations`)).body.items).toHaveLength(6);
    expect((await server.request('DELETE', `/api/testing/fixtures/${first.body.botId}`)).status).toBe(404);
  });

  it('makes an empty bot with seed empty, and a body-less call makes the demo bot', async () => {
    const empty = await server.request<Fixture>('POST', '/api/testing/fixtures', { body: { seed: 'empty', prefix: 'qa-7' } });
    expect(empty.status).toBe(201);
    expect(empty.body.integrationIds).toEqual({});
    expect(empty.body.botName).toBe('qa-7 Empty bot');
    expect((await server.request('GET', `/api/bots/${empty.body.botId}/integrations`)).body.items).toEqual([]);

    const plain = await server.request<Fixture>('POST', '/api/testing/fixtures');
    expect(plain.status).toBe(201);
    expect(plain.body.botName).toBe(DEMO_BOT.name);
    expect(Object.keys(plain.body.integrationIds)).toHaveLength(6);
  });

  it('refuses an unknown seed with a problem naming the field', async () => {
    const bad = await server.request('POST', '/api/testing/fixtures', { body: { seed: 'full' } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(Object.keys(bad.body.errors)).toContain('seed');
  });
});

it('keeps the fixtures routes off unless the test API is enabled', async () => {
  const production = await startTestServer({ kind: 'pglite', dataDir: null }, { enableTestApi: false });
  try {
    expect((await production.request('POST', '/api/testing/fixtures', { body: { seed: 'empty' } })).status).toBe(404);
    expect((await production.request('DELETE', '/api/testing/fixtures/5b0c1a52-8f59-4a57-9a38-0a4f8f3c2d11')).status).toBe(404);
  } finally {
    await production.close();
  }
});
