import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { availableParallelism } from 'node:os';
import { SIMULATION_LIMITS } from '../../domain/simulation';
import { describeEachDatabase, startTestServer, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';
import { rawExchange } from '../testing/raw-http';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  [field: string]: unknown;
}

/** Samples keyed `name{a="x",b="y"}` as written; throws on any line outside the text format's grammar. */
function parsePrometheusText(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  const typed = new Map<string, string>();
  const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
  const LABEL = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
  // Prometheus reads values with Go's ParseFloat, whose Inf and NaN take any case: prom-client writes an
  // event-loop lag with no sample yet as "Nan".
  const SAMPLE = new RegExp(`^(${NAME})(\\{(?:${LABEL}(?:,${LABEL})*)?\\})? (-?[0-9.e+-]+|[+-]?[Ii][Nn][Ff]|[Nn][Aa][Nn])( -?[0-9]+)?$`);
  const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = TYPE.exec(line);
    if (type) {
      typed.set(type[1]!, type[2]!);
      continue;
    }
    if (new RegExp(`^# HELP ${NAME} `).test(line)) continue;
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`Not Prometheus text: ${line}`);
    const [, name, labels = '', value] = sample;
    const family = name!.replace(/_(bucket|sum|count|total)$/, '');
    if (!typed.has(name!) && !typed.has(family)) throw new Error(`A sample without # TYPE: ${line}`);
    samples.set(`${name}${labels}`, Number(value));
  }
  return samples;
}

describeEachDatabase('request ids, the access log and metrics on %s', (kind) => {
  const lines: LogLine[] = [];
  const server = useTestServer(kind, {
    logLevel: 'info',
    logStream: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  });
  const linesOf = (requestId: string) => lines.filter((line) => line.requestId === requestId);
  const metrics = async () => {
    const response = await fetch(`${server.baseUrl}/api/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await response.text());
  };

  it('gives each request a unique id, in the answer and in every log line of it, and keeps a well-formed one sent', async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, async () => (await fetch(`${server.baseUrl}/api/health/live`)).headers.get('x-request-id')),
    );
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);

    const botId = await freshBot(server);
    // Every new integration now fails in the database: the request logs its failure and its access line.
    await server.database.db.execute(sql.raw('ALTER TABLE integrations ADD CONSTRAINT refuse_all CHECK (false) NOT VALID'));
    try {
      const traceId = 'lb-7f3a:0042/req.9_x=';
      const failed = await server.request('POST', `/api/bots/${botId}/integrations`, {
        headers: { 'x-request-id': traceId },
        body: anIntegrationInput('API'),
      });
      expect(failed.status).toBe(500);
      expect(failed.headers.get('x-request-id')).toBe(traceId);
      expect(failed.body.requestId).toBe(traceId);
      await expect.poll(() => linesOf(traceId).map((line) => line.msg)).toEqual(['request failed', 'request']);
    } finally {
      await server.database.db.execute(sql.raw('ALTER TABLE integrations DROP CONSTRAINT refuse_all'));
    }
  });

  it('replaces an X-Request-Id that could not go into a log line or header as it is', async () => {
    const refused = ['x'.repeat(129), 'two words', 'a"b', '<script>', 'id%0d%0aSet-Cookie:x', ''];
    for (const given of refused) {
      const response = await fetch(`${server.baseUrl}/api/bots`, { headers: { 'x-request-id': given } });
      expect(response.headers.get('x-request-id'), given).toMatch(UUID);
    }
    // Bytes fetch would not send: a tab, a byte outside ASCII, a second header folded onto the line.
    for (const value of ['a\tb', 'caf\u00e9', 'abc\r\n continued']) {
      const answer = await rawExchange(
        server.baseUrl,
        `GET /api/health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: ${value}\r\nConnection: close\r\n\r\n`,
      );
      const echoed = /\r\nx-request-id: ([^\r\n]*)/i.exec(answer)?.[1];
      // Refused by the HTTP parser (400, no id to echo) or answered with an id of the server's own.
      if (echoed !== undefined) expect(echoed, JSON.stringify(value)).toMatch(UUID);
      else expect(answer).toMatch(/^HTTP\/1\.1 400/);
    }
  });

  it('logs one access line per request with method, route pattern, status, duration and id, and no query values', async () => {
    const botId = await freshBot(server);
    const response = await fetch(`${server.baseUrl}/api/bots/${botId}/integrations?q=s3cret-query&limit=7`);
    expect(response.status).toBe(200);
    const id = response.headers.get('x-request-id')!;
    await expect.poll(() => linesOf(id).length).toBe(1);
    const [line] = linesOf(id);
    expect(line).toMatchObject({
      level: 30,
      msg: 'request',
      method: 'GET',
      route: '/api/bots/:botId/integrations',
      status: 200,
      durationMs: expect.any(Number),
    });
    const notFound = await fetch(`${server.baseUrl}/api/no/such/${botId}?token=s3cret-query`);
    await expect.poll(() => linesOf(notFound.headers.get('x-request-id')!)).toEqual([expect.objectContaining({ status: 404 })]);
    const log = JSON.stringify(lines);
    expect(log).not.toContain('s3cret-query');
    expect(log).not.toContain(`/api/bots/${botId}`);
  });

  it('serves Prometheus text whose request counters and latency histogram move with the requests', async () => {
    const key = 'http_requests_total{method="GET",route="/api/bots/:botId",status_code="200"}';
    const histogram = 'http_request_duration_seconds_count{method="GET",route="/api/bots/:botId",status_code="200"}';
    const before = await metrics();
    const botId = await freshBot(server);
    for (let index = 0; index < 3; index += 1) expect((await server.request('GET', `/api/bots/${botId}`)).status).toBe(200);
    const after = await metrics();
    expect((after.get(key) ?? 0) - (before.get(key) ?? 0)).toBe(3);
    expect((after.get(histogram) ?? 0) - (before.get(histogram) ?? 0)).toBe(3);
    expect(after.get('http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/bots/:botId",status_code="200"}')).toBe(
      after.get(histogram),
    );
    expect(after.get('sse_open_streams')).toBe(0);
    expect(after.get('simulator_running')).toBe(0);
    expect(after.get('simulator_max_running')).toBeGreaterThan(0);
    expect(after.has('process_resident_memory_bytes')).toBe(true);
    if (kind === 'postgres') {
      expect(after.get('db_pool_connections')).toBeGreaterThan(0);
      expect(after.get('db_pool_max')).toBe(10);
      expect(after.get('db_pool_waiting')).toBe(0);
    } else {
      expect(after.has('db_pool_connections')).toBe(false);
    }
    // Labelled by pattern: no series names an id.
    expect([...after.keys()].filter((series) => series.includes(botId))).toEqual([]);
  });

  it('counts simulator runs and limits reached, and does not log a busy simulator as an error', async () => {
    const botId = await freshBot(server);
    const before = await metrics();
    // One run per core (README), and the queue.
    const capacity = availableParallelism() + SIMULATION_LIMITS.queuedRuns;
    const answers = await Promise.all(
      Array.from({ length: capacity + 6 }, () =>
        server.request('POST', `/api/bots/${botId}/simulate`, {
          body: {
            sample: { status: 200, body: '{}' },
            integration: anIntegrationInput('API', { name: 'T', transformScript: 'while (true) {}' }),
          },
        }),
      ),
    );
    const busy = answers.filter((answer) => answer.status === 503);
    const timedOut = answers.filter((answer) => answer.status === 200 && answer.body.error?.kind === 'timeout');
    expect(busy.length).toBeGreaterThan(0);
    expect(busy.length + timedOut.length).toBe(answers.length);
    const after = await metrics();
    const moved = (series: string) => (after.get(series) ?? 0) - (before.get(series) ?? 0);
    expect(moved('simulator_limits_reached_total{limit="queue"}')).toBe(busy.length);
    expect(moved('simulator_limits_reached_total{limit="timeout"}')).toBe(timedOut.length);
    expect(moved('simulator_runs_total{outcome="timeout"}')).toBe(timedOut.length);
    expect(after.get('simulator_queued')).toBe(0);
    for (const answer of busy) {
      const id = answer.headers.get('x-request-id')!;
      expect(answer.body.requestId).toBe(id);
      await expect.poll(() => linesOf(id).map((line) => [line.msg, line.level])).toEqual([['request', 30]]);
    }
  });
});

describe('access to /api/metrics', () => {
  it('takes the admin token, like the API, when only ADMIN_TOKEN is set', async () => {
    const server = await startTestServer({ kind: 'pglite', dataDir: null }, { adminToken: 'admin-s3cret' });
    try {
      expect((await server.request('GET', '/api/metrics')).status).toBe(401);
      expect((await server.request('GET', '/api/metrics', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await server.request('GET', '/api/metrics', { headers: { authorization: 'Bearer admin-s3cret' } })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('takes METRICS_TOKEN alone when it is set, and that token opens nothing else', async () => {
    const server = await startTestServer({ kind: 'pglite', dataDir: null }, { adminToken: 'admin-s3cret', metricsToken: 'metrics-s3cret' });
    try {
      const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
      expect((await server.request('GET', '/api/metrics', as('metrics-s3cret'))).status).toBe(200);
      expect((await server.request('GET', '/api/metrics', as('admin-s3cret'))).status).toBe(401);
      const refused = await server.request('GET', '/api/metrics');
      expect(refused.status).toBe(401);
      expect(refused.body.detail).toContain('METRICS_TOKEN');
      expect((await server.request('GET', '/api/bots', as('metrics-s3cret'))).status).toBe(401);
      expect((await server.request('GET', '/api/bots', as('admin-s3cret'))).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
