import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { MAX_INTEGRATIONS_PER_BOT, MAX_KEPT_IMPORT_VERSION } from '../../domain/limits';
import { describeEachDatabase, useTestServer, type TestServer } from '../testing/api-harness';

const nativeFile = <T extends object>(integrations: T[]) => ({
  format: 'integrations-panel',
  formatVersion: 1,
  bot: { name: 'Imported', description: '' },
  integrations,
  extras: null,
});
const escalation = (index: number, overrides: object = {}) =>
  anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: `Esc_${index}`, responseDataVariable: `Esc_${index}`, ...overrides });

/**
 * Times `path`, one request after another, until `work` settles; returns the slowest answer and how long
 * the work took. The bound the tests apply is relative to the work: this machine may be loaded.
 */
async function slowestDuring(server: TestServer, path: string, work: Promise<unknown>) {
  const started = performance.now();
  let done = false;
  void work.finally(() => (done = true));
  let slowest = 0;
  while (!done) {
    const begin = performance.now();
    await (await fetch(server.baseUrl + path)).arrayBuffer();
    slowest = Math.max(slowest, performance.now() - begin);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await work;
  return { slowest, duration: performance.now() - started };
}

describeEachDatabase('import limits and stored data edge cases on %s', (kind) => {
  const server = useTestServer(kind);
  const botCount = async () => (await server.request('GET', '/api/bots?limit=500')).body.items.length as number;

  beforeAll(async () => {
    await server.request('POST', '/api/testing/reset', { body: { seed: 'empty' } });
  });

  it('refuses an import of more integrations than the limit with 413 naming it, in both formats and in the dry run', async () => {
    const before = await botCount();
    const tooMany = MAX_INTEGRATIONS_PER_BOT + 1;
    const cb = {
      bot: { name: 'Big' },
      responder: Array.from({ length: tooMany }, (_, index) => ({ name: `R${index}`, integrationType: 'API' })),
    };
    for (const file of [nativeFile(Array.from({ length: tooMany }, (_, index) => escalation(index))), cb]) {
      for (const query of ['', '?dryRun=true']) {
        const response = await server.request('POST', `/api/bots/import${query}`, { body: file });
        expect(response.status).toBe(413);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.body.detail).toContain(MAX_INTEGRATIONS_PER_BOT.toLocaleString('en-US'));
      }
    }
    expect(await botCount()).toBe(before);
  }, 60_000);

  it('imports a bot of the largest size while the server keeps answering, then holds it at the per-bot limit', async () => {
    const file = nativeFile(Array.from({ length: MAX_INTEGRATIONS_PER_BOT }, (_, index) => escalation(index)));
    const importing = server.request('POST', '/api/bots/import', { body: file });
    // A request that needs no database shows the event loop is free; on PostgreSQL the health check's
    // query runs beside the import's transaction too (PGlite has one connection: it waits for the commit).
    const probe = kind === 'postgres' ? '/api/health' : '/api/bots/not-a-uuid';
    const { slowest, duration } = await slowestDuring(server, probe, importing);
    const imported = await importing;
    expect(imported.status).toBe(201);
    expect(imported.body.integrations).toHaveLength(MAX_INTEGRATIONS_PER_BOT);
    expect(imported.body.integrations.map((item: { name: string }) => item.name)).toEqual(file.integrations.map((item) => item.name));
    expect(slowest, `slowest ${slowest.toFixed(0)} ms during ${duration.toFixed(0)} ms`).toBeLessThan(duration / 4);

    const base = `/api/bots/${imported.body.bot.id}/integrations`;
    const full = await server.request('POST', base, { body: escalation(MAX_INTEGRATIONS_PER_BOT) });
    expect(full.status).toBe(400);
    expect(full.headers.get('content-type')).toContain('application/problem+json');
    expect(full.body.detail).toContain(MAX_INTEGRATIONS_PER_BOT.toLocaleString('en-US'));

    // A deleted integration's place can be taken; restoring it afterwards would go over the limit.
    const deleted = imported.body.integrations[0];
    expect((await server.request('DELETE', `${base}/${deleted.id}`, { headers: { 'if-match': '"1"' } })).status).toBe(204);
    expect((await server.request('POST', base, { body: escalation(MAX_INTEGRATIONS_PER_BOT) })).status).toBe(201);
    const restore = await server.request('POST', `${base}/${deleted.id}/revisions/1/restore`, { headers: { 'if-match': '"2"' } });
    expect(restore.status).toBe(400);
    expect(restore.body.detail).toContain(MAX_INTEGRATIONS_PER_BOT.toLocaleString('en-US'));
  }, 120_000);

  it('keeps imported versions an ETag can name and still leave room for saves; larger ones start at 1', async () => {
    const versions = [3_000_000_000, 1_000_000_000, 999_999_999, MAX_KEPT_IMPORT_VERSION + 1, MAX_KEPT_IMPORT_VERSION, 7];
    const file = nativeFile(versions.map((version, index) => ({ ...escalation(index), version })));
    const plan = await server.request('POST', '/api/bots/import?dryRun=true', { body: file });
    expect(plan.status).toBe(200);
    expect(plan.body.integrations.map((item: { version: number | null }) => item.version)).toEqual([
      null,
      null,
      null,
      null,
      MAX_KEPT_IMPORT_VERSION,
      7,
    ]);
    const imported = await server.request('POST', '/api/bots/import', { body: file });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const base = `/api/bots/${imported.body.bot.id}/integrations`;
    for (const integration of imported.body.integrations) {
      const read = await server.request('GET', `${base}/${integration.id}`);
      const etag = read.headers.get('etag')!;
      const updated = await server.request('PUT', `${base}/${integration.id}`, {
        body: escalation(Number(integration.name.slice(4)), { messageToUser: 'Updated' }),
        headers: { 'if-match': etag },
      });
      expect(updated.status, `${integration.name} ${etag}`).toBe(200);
      const deleted = await server.request('DELETE', `${base}/${integration.id}`, {
        headers: { 'if-match': updated.headers.get('etag')! },
      });
      expect(deleted.status).toBe(204);
    }
  });

  it('refuses a CB file nested 5,000 deep the same way in the dry run and the import, storing nothing', async () => {
    const before = await botCount();
    const deep = `{"bot":{"name":"Deep","dialogs":${'['.repeat(5_000)}${']'.repeat(5_000)}},"responder":[]}`;
    const headers = { 'content-type': 'application/json' };
    const dryRun = await server.request('POST', '/api/bots/import?dryRun=true', { raw: deep, headers });
    const real = await server.request('POST', '/api/bots/import', { raw: deep, headers });
    for (const response of [dryRun, real]) {
      expect(response.status).toBe(400);
      expect(response.body.title).toBe('JSON too deep');
    }
    expect(await botCount()).toBe(before);
  });

  it('exports a bot whose stored extras are damaged as if it had been made in the panel, instead of failing', async () => {
    const cbFile = {
      bot: { name: 'Kept', chatBotType: 'CUSTOMER_FACING_BOT', dialogs: [{ id: 'd1', name: 'Welcome' }] },
      responder: [
        { name: 'Escalate', integrationType: 'LIVEPERSON_AGENT_ESCALATION', agentSkillId: '1', messageToUser: 'Hi', group: 'Responders' },
        { name: 'Orders', integrationType: 'API', method: 'GET', webhook: 'https://orders.example.com', results: [] },
      ],
      conversationMessage: [{ id: 'm1' }],
    };
    const imported = await server.request('POST', '/api/bots/import', { body: cbFile });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const botId: string = imported.body.bot.id;
    const damaged = ['{"cbExtrasJson": "{not json"}', '{"cbExtrasJson": "[1,2]"}', '{"cbExtrasJson": 42}', '[]'];
    for (const extras of damaged) {
      await server.database.db.execute(sql`update bots set extras = ${extras}::jsonb where id = ${botId}`);
      await server.database.db.execute(sql`update integrations set extras = ${extras}::jsonb where bot_id = ${botId}`);
      for (const format of ['cb', 'native']) {
        const exported = await server.request('GET', `/api/bots/${botId}/export?format=${format}`);
        expect(exported.status, `${format} with ${extras}`).toBe(200);
        expect(exported.body.integrations ?? exported.body.responder).toHaveLength(imported.body.integrations.length);
      }
    }
  });
});
