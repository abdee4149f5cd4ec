import { connect } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, startTestServer, useTestServer, type TestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';
import { openSse, type SseClient } from './testing/sse-client';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDatabase('live events API on %s', (kind) => {
  const server = useTestServer(kind, { live: { presenceTtlMs: 1_000 } });
  let botId: string;
  const streams: SseClient[] = [];
  const open = async (path = `/api/bots/${botId}/events`, headers: Record<string, string> = {}, on: TestServer = server) => {
    const client = await openSse(on.baseUrl + path, headers);
    streams.push(client);
    return client;
  };
  const integrations = () => `/api/bots/${botId}/integrations`;
  beforeEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    botId = await freshBot(server);
  });
  afterAll(() => streams.forEach((stream) => stream.close()));

  it('streams every write path as an event with an id and JSON data', async () => {
    const stream = await open();
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.headers['cache-control']).toBe('no-store');
    const hello = await stream.next((event) => event.event === 'presence');
    expect(hello.id).toMatch(/^\d+$/);
    expect(hello.data).toEqual({ botId, present: [] });

    const created = await server.request('POST', integrations(), {
      body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'Escalate' }),
    });
    const id = created.body.id as string;
    const createdEvent = await stream.next((event) => event.event === 'integration.created');
    expect(createdEvent.data).toMatchObject({ integrationId: id, version: 1, name: 'Escalate', author: null });
    expect(Number(createdEvent.id)).toBeGreaterThan(Number(hello.id));

    await server.request('PUT', `${integrations()}/${id}`, {
      headers: { 'if-match': '"1"' },
      body: { ...anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'Escalate' }), agentSkillId: '42', messageToUser: 'Wait' },
    });
    const saved = await stream.next((event) => event.event === 'integration.saved');
    expect(saved.data).toEqual({
      integrationId: id,
      version: 2,
      fields: expect.arrayContaining(['agentSkillId', 'messageToUser']),
      name: 'Escalate',
      type: 'LIVEPERSON_AGENT_ESCALATION',
      author: null,
    });
    expect(saved.data.fields).toHaveLength(2);

    const renamed = await server.request('POST', `${integrations()}/${id}/rename`, {
      headers: { 'if-match': '"2"' },
      body: { name: 'Handover' },
    });
    expect(renamed.status).toBe(200);
    expect((await stream.next((event) => event.event === 'integration.renamed')).data).toMatchObject({
      integrationId: id,
      version: 3,
      name: 'Handover',
    });

    expect((await server.request('DELETE', `${integrations()}/${id}`, { headers: { 'if-match': '"3"' } })).status).toBe(204);
    expect((await stream.next((event) => event.event === 'integration.deleted')).data).toMatchObject({ integrationId: id, version: 4 });

    const restored = await server.request('POST', `${integrations()}/${id}/revisions/3/restore`, { headers: { 'if-match': '*' } });
    expect(restored.status).toBeLessThan(300);
    expect((await stream.next((event) => event.event === 'integration.restored')).data).toMatchObject({ integrationId: id });

    const dialog = await server.request('POST', `/api/bots/${botId}/dialogs/escalation-failure`, {
      body: { message: 'Sorry, nobody is free.' },
    });
    expect(dialog.status).toBe(201);
    expect((await stream.next((event) => event.event === 'dialogs.changed')).data).toMatchObject({ version: expect.any(Number) });

    const ids = stream.events.filter((event) => event.event !== 'presence').map((event) => Number(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('announces an import once, not once per integration', async () => {
    for (const name of ['One', 'Two', 'Three']) await server.request('POST', integrations(), { body: anIntegrationInput('API', { name }) });
    const exported = await server.request('GET', `/api/bots/${botId}/export?format=native`);
    const before = await open();
    const mark = (await before.next((event) => event.event === 'presence')).id!;
    const imported = await server.request('POST', '/api/bots/import', { body: exported.body });
    expect(imported.status).toBe(201);
    const newBot = (imported.body.bot?.id ?? imported.body.id) as string;
    const replay = await open(`/api/bots/${newBot}/events`, { 'last-event-id': mark });
    const event = await replay.next((e) => e.event === 'bot.imported');
    expect(event.data).toMatchObject({ integrations: 3 });
    await sleep(100);
    expect(replay.events.filter((e) => e.event.startsWith('integration.'))).toEqual([]);
  });

  it('replays what a client missed from Last-Event-ID, then goes on live', async () => {
    const created = await server.request('POST', integrations(), { body: anIntegrationInput('API', { name: 'Orders' }) });
    const id = created.body.id as string;
    const first = await open();
    const seen = await first.next((event) => event.event === 'presence');
    first.close();
    const input = anIntegrationInput('API', { name: 'Orders' });
    await server.request('PUT', `${integrations()}/${id}`, {
      headers: { 'if-match': '"1"' },
      body: { ...input, url: 'https://a.example.com/1' },
    });
    await server.request('PUT', `${integrations()}/${id}`, {
      headers: { 'if-match': '"2"' },
      body: { ...input, url: 'https://a.example.com/2' },
    });

    const again = await open(undefined, { 'last-event-id': seen.id! });
    await again.next((event) => event.event === 'integration.saved' && event.data.version === 3);
    const replayed = again.events.filter((event) => event.event === 'integration.saved').map((event) => event.data.version);
    expect(replayed).toEqual([2, 3]);
    await server.request('PUT', `${integrations()}/${id}`, {
      headers: { 'if-match': '"3"' },
      body: { ...input, url: 'https://a.example.com/3' },
    });
    await again.next((event) => event.event === 'integration.saved' && event.data.version === 4);
    expect(again.events.filter((event) => event.event === 'integration.saved').map((event) => event.data.version)).toEqual([2, 3, 4]);
  });

  it('answers resync to a Last-Event-ID older than 24 hours or unknown', async () => {
    await server.request('POST', integrations(), { body: anIntegrationInput('API', { name: 'Old' }) });
    const stream = await open();
    const created = await stream.next((event) => event.event === 'presence');
    stream.close();
    await server.database.db.execute(sql`update bot_events set created_at = now() - interval '25 hours' where id = ${Number(created.id)}`);
    const late = await open(undefined, { 'last-event-id': created.id! });
    expect((await late.next((event) => event.event === 'resync')).data).toEqual({ reason: 'too-old' });
    const unknown = await open(undefined, { 'last-event-id': '999999999' });
    await unknown.next((event) => event.event === 'resync');
  });

  it('shows presence: join, focus, leave, and a tab that vanishes leaves by itself', async () => {
    const created = await server.request('POST', integrations(), { body: anIntegrationInput('API', { name: 'Shared' }) });
    const id = created.body.id as string;
    const watcher = await open();
    await watcher.next((event) => event.event === 'presence');
    const presence = `/api/bots/${botId}/presence`;
    const withTabs =
      (match: (present: { tab: string; integrationId: string | null; field: string | null }[]) => boolean) =>
      (event: { event: string; data: { present: never[] } }) =>
        event.event === 'presence' && match(event.data.present);

    expect((await server.request('POST', presence, { body: { tab: 'tab-a', integrationId: id } })).status).toBe(204);
    await watcher.next(withTabs((present) => present.length === 1 && present[0]!.tab === 'tab-a' && present[0]!.integrationId === id));
    await server.request('POST', presence, { body: { tab: 'tab-a', integrationId: id, field: 'url' } });
    const focused = await watcher.next(withTabs((present) => present[0]?.field === 'url'));
    expect(focused.data.present).toEqual([{ tab: 'tab-a', integrationId: id, field: 'url', author: null }]);
    // A stream that opens now is told who is here at once.
    const late = await open();
    await late.next(withTabs((present) => present.some((tab) => tab.tab === 'tab-a' && tab.field === 'url')));

    await server.request('POST', presence, { body: { tab: 'tab-a', leave: true } });
    await watcher.next(
      withTabs((present) => present.length === 0),
      2_000,
      watcher.events.indexOf(focused) + 1,
    );

    // Vanishes: one heartbeat, then nothing (the test server's timeout is 1 s).
    await server.request('POST', presence, { body: { tab: 'tab-b', integrationId: id } });
    const joined = await watcher.next(withTabs((present) => present.some((tab) => tab.tab === 'tab-b')));
    const started = Date.now();
    await watcher.next(
      withTabs((present) => present.length === 0),
      3_000,
      watcher.events.indexOf(joined) + 1,
    );
    expect(Date.now() - started).toBeGreaterThan(700);

    // A tab whose stream closes leaves at once.
    const tabStream = await open(`/api/bots/${botId}/events?tab=tab-c`);
    await server.request('POST', presence, { body: { tab: 'tab-c', integrationId: id } });
    const withC = await watcher.next(withTabs((present) => present.some((tab) => tab.tab === 'tab-c')));
    tabStream.close();
    await watcher.next(
      withTabs((present) => present.length === 0),
      500,
      watcher.events.indexOf(withC) + 1,
    );
  });

  it('refuses what it cannot stream: an unknown bot, a bad tab, a bad presence body', async () => {
    const missing = await open('/api/bots/00000000-0000-4000-8000-000000000000/events');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    expect((await open(`/api/bots/${botId}/events?tab=${'x'.repeat(65)}`)).status).toBe(400);
    expect((await server.request('POST', `/api/bots/${botId}/presence`, { body: { field: 'x', who: 'me' } })).status).toBe(400);
    expect((await server.request('POST', `/api/bots/${botId}/presence`, { body: { integrationId: 'nope' } })).status).toBe(400);
  });

  describeBounds();

  function describeBounds() {
    let bounded: TestServer;
    beforeAll(async () => {
      bounded = await startTestServer(server.database, {
        live: { limits: { maxStreams: 3, heartbeatMs: 200, maxBufferedBytes: 64 * 1024 } },
      });
    });
    afterAll(async () => {
      for (const stream of streams.splice(0)) stream.close();
      await bounded?.close();
    });

    it('keeps at most maxStreams open (then 503 with Retry-After) and counts them in /api/metrics', async () => {
      const open3 = await Promise.all([1, 2, 3].map(() => open(undefined, {}, bounded)));
      expect(open3.map((stream) => stream.status)).toEqual([200, 200, 200]);
      const refused = await open(undefined, {}, bounded);
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
      expect(JSON.parse(refused.body)).toMatchObject({ status: 503, title: 'Service Unavailable' });
      const metrics = await bounded.request('GET', '/api/metrics');
      expect(metrics.body).toMatch(/^sse_open_streams 3$/m);
      expect(metrics.body).toMatch(/^sse_streams_refused_total 1$/m);
      open3[0]!.close();
      await open3[0]!.closed;
      await sleep(50);
      expect((await bounded.request('GET', '/api/metrics')).body).toMatch(/^sse_open_streams 2$/m);
      expect((await open(undefined, {}, bounded)).status).toBe(200);
      for (const stream of open3) stream.close();
    });

    it('sends a heartbeat comment while nothing happens', async () => {
      const stream = await open(undefined, {}, bounded);
      await sleep(500);
      expect(stream.comments.filter((comment) => comment === 'heartbeat').length).toBeGreaterThanOrEqual(1);
      stream.close();
    });

    it('drops a client that does not read rather than buffer without limit', async () => {
      await sleep(100);
      const socket = connect(Number(new URL(bounded.baseUrl).port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(`GET /api/bots/${botId}/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`);
      let ended = false;
      socket.on('close', () => (ended = true));
      socket.on('error', () => undefined);
      socket.pause();
      await sleep(200);
      // Big presence boards, each change sent to every stream of the bot: megabytes the client never reads.
      const field = 'f'.repeat(190);
      for (let round = 0; round < 40 && !ended; round += 1) {
        await Promise.all(
          Array.from({ length: 100 }, (_, tab) =>
            bounded.request('POST', `/api/bots/${botId}/presence`, {
              body: { tab: `slow-${tab}`, integrationId: '00000000-0000-4000-8000-000000000001', field: `${field}${round}` },
            }),
          ),
        );
        const metrics = await bounded.request('GET', '/api/metrics');
        if (/^sse_streams_dropped_total 1$/m.test(metrics.body)) break;
      }
      const metrics = await bounded.request('GET', '/api/metrics');
      expect(metrics.body).toMatch(/^sse_streams_dropped_total 1$/m);
      expect(metrics.body).toMatch(/^sse_open_streams 0$/m);
      socket.resume();
      await new Promise((resolve) => (ended ? resolve(undefined) : socket.once('close', resolve)));
      // A client that reads is not dropped meanwhile.
      const reader = await open(undefined, {}, bounded);
      await reader.next((event) => event.event === 'presence');
      expect(reader.status).toBe(200);
    }, 60_000);
  }
});
