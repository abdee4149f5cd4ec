import { expect, it } from 'vitest';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { OWN_STORE_LOCATOR, OWN_SUPPORT_DESK } from './testing/own-exports';
import { SAMPLE_EXPORT_FILES, readSampleExport } from './testing/sample-exports';

describeEachDatabase('import and export API on %s', (kind) => {
  const server = useTestServer(kind);
  /** Real HTTP to the real app, answered in the shape these tests read. */
  const app = {
    async inject(options: { method: string; url: string; headers?: Record<string, string>; payload?: string }) {
      const response = await fetch(server.baseUrl + options.url, {
        method: options.method,
        headers: options.headers,
        body: options.payload,
      });
      const body = await response.text();
      return { statusCode: response.status, headers: Object.fromEntries(response.headers), body, json: () => JSON.parse(body) };
    },
  };

  const importFile = (payload: string, query = '') =>
    app.inject({ method: 'POST', url: `/api/bots/import${query}`, headers: { 'content-type': 'application/json' }, payload });
  const botCount = async () => (await app.inject({ method: 'GET', url: '/api/bots?limit=500' })).json().items.length as number;

  it.each(SAMPLE_EXPORT_FILES)('imports %s and exports it back byte for byte, in both formats', async (file) => {
    const text = readSampleExport(file);
    const imported = await importFile(text);
    expect(imported.statusCode, imported.body).toBe(201);
    const { bot, integrations } = imported.json();
    expect(imported.headers.location).toBe(`/api/bots/${bot.id}`);
    expect(integrations).toHaveLength(JSON.parse(text).responder.length);

    const exported = await app.inject({ method: 'GET', url: `/api/bots/${bot.id}/export?format=cb` });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename=".+\.json"$/);
    expect(exported.body).toBe(text);

    const native = await app.inject({ method: 'GET', url: `/api/bots/${bot.id}/export?format=native` });
    expect(native.json()).toMatchObject({
      format: 'integrations-panel',
      formatVersion: 1,
      bot: { id: bot.id },
      integrations: integrations.map(() => ({ version: 1 })),
    });
    const reimported = await importFile(native.body);
    expect(reimported.statusCode, reimported.body).toBe(201);
    const again = await app.inject({ method: 'GET', url: `/api/bots/${reimported.json().bot.id}/export` });
    expect(again.body).toBe(text);
  });

  it('exports an edit made through the integrations API', async () => {
    const { bot, integrations } = (await importFile(readSampleExport(OWN_SUPPORT_DESK))).json();
    const integration = integrations[0];
    const { id: _id, botId: _botId, createdAt: _c, updatedAt: _u, version, ...values } = integration;
    const put = await app.inject({
      method: 'PUT',
      url: `/api/bots/${bot.id}/integrations/${integration.id}`,
      headers: { 'if-match': `"${version}"`, 'content-type': 'application/json' },
      payload: JSON.stringify({ ...values, url: 'https://jservice.example/api/clues' }),
    });
    expect(put.statusCode, put.body).toBe(200);
    const original = JSON.parse(readSampleExport(OWN_SUPPORT_DESK));
    const exported = JSON.parse((await app.inject({ method: 'GET', url: `/api/bots/${bot.id}/export` })).body);
    expect(exported.responder).toEqual([
      { ...original.responder[0], webhook: 'https://jservice.example/api/clues' },
      original.responder[1],
    ]);
    expect(exported.conversationMessage).toEqual(original.conversationMessage);
  });

  it('answers a dry run with the plan and writes nothing', async () => {
    const before = await botCount();
    const response = await importFile(readSampleExport(OWN_STORE_LOCATOR), '?dryRun=true');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      format: 'cb',
      valid: true,
      bot: { values: { name: 'Store Locator' }, problems: [] },
      integrations: [
        { sourceName: 'StoreLocator', type: 'API', problems: [], values: { method: 'GET' }, keptKeys: expect.arrayContaining(['fileUrl']) },
      ],
    });
    expect(response.json().integrations[0]).not.toHaveProperty('extras');
    expect(await botCount()).toBe(before);
  });

  it('refuses bad files with a 400 problem that says why, and creates nothing', async () => {
    const before = await botCount();
    const notJson = await importFile('{"bot": ');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.headers['content-type']).toContain('application/problem+json');
    expect(notJson.json()).toMatchObject({ title: 'Malformed JSON' });

    const notExport = await importFile(JSON.stringify({ hello: 'world' }));
    expect(notExport.statusCode).toBe(400);
    expect(notExport.json()).toMatchObject({ title: 'Not a bot export', detail: expect.stringContaining('"bot" and "responder"') });

    const broken = JSON.parse(readSampleExport(OWN_STORE_LOCATOR));
    broken.responder[0].webhook = 'not a url';
    const invalid = await importFile(JSON.stringify(broken));
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({
      title: 'Validation failed',
      detail: expect.stringContaining('integration "StoreLocator"'),
      errors: { 'responder.0.webhook': expect.stringMatching(/^StoreLocator: URL must be an http or https address/) },
    });
    const plan = await importFile(JSON.stringify(broken), '?dryRun=true');
    expect(plan.json()).toMatchObject({
      valid: false,
      problemCount: 1,
      integrations: [{ values: null, problems: [{ path: 'url', sourcePath: 'responder.0.webhook' }] }],
    });
    expect(await botCount()).toBe(before);
  });

  it('answers 404 for the export of an unknown bot and 400 for an unknown format', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/bots/00000000-0000-4000-8000-000000000000/export' });
    expect(missing.statusCode).toBe(404);
    const { bot } = (await importFile(readSampleExport(OWN_STORE_LOCATOR))).json();
    const wrong = await app.inject({ method: 'GET', url: `/api/bots/${bot.id}/export?format=zip` });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual({ format: 'format must be cb (Conversation Builder) or native.' });
  });

  it('imports under another name with ?name=, for a file whose bot name is taken; an empty name is refused', async () => {
    const file = readSampleExport(OWN_STORE_LOCATOR);
    const first = (await importFile(file)).json().bot;
    const plan = await importFile(file, `?dryRun=true&name=${encodeURIComponent(`${first.name} (2)`)}`);
    expect(plan.json().bot.values.name).toBe(`${first.name} (2)`);
    const renamed = await importFile(file, `?name=${encodeURIComponent(`  ${first.name} (2) `)}`);
    expect(renamed.statusCode, renamed.body).toBe(201);
    expect(renamed.json().bot.name).toBe(`${first.name} (2)`);
    const exported = await app.inject({ method: 'GET', url: `/api/bots/${renamed.json().bot.id}/export?format=native` });
    expect(exported.json().bot.name).toBe(`${first.name} (2)`);

    const before = await botCount();
    const empty = await importFile(file, '?name=%20');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.name).toBe('Bot name is required.');
    expect(await botCount()).toBe(before);
  });

  it('names the exported file after the bot without doubled or leading dots', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/bots',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'B.I.G.' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const cb = await app.inject({ method: 'GET', url: `/api/bots/${id}/export?format=cb` });
    expect(cb.headers['content-disposition']).toBe('attachment; filename="B.I.G.json"');
    const native = await app.inject({ method: 'GET', url: `/api/bots/${id}/export?format=native` });
    expect(native.headers['content-disposition']).toBe('attachment; filename="B.I.G.integrations-panel.json"');
  });
});
