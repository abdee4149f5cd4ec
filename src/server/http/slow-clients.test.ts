import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/api-harness';

/** Sends `head`, then one byte of `trickle` every `everyMs`, and resolves with what the server answered and when it closed. */
function trickle(baseUrl: string, head: string, trickle: string, everyMs: number): Promise<{ answer: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let sent = 0;
    const socket = connect(Number(port), hostname, () => socket.write(head));
    const timer = setInterval(() => {
      if (sent < trickle.length && socket.writable) socket.write(trickle[sent++]!);
    }, everyMs);
    const giveUp = setTimeout(() => socket.destroy(), 20_000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ answer: Buffer.concat(chunks).toString('utf8'), closedAfterMs: Date.now() - started });
    });
  });
}

describe('request timeouts for slow clients', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(
      { kind: 'pglite', dataDir: null },
      { timeouts: { headersMs: 1_000, requestMs: 2_000, keepAliveMs: 1_000 } },
    );
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers 408 problem+json and closes a connection whose body arrives too slowly', async () => {
    const head = 'POST /api/bots HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n';
    const slow = Array.from({ length: 10 }, () => trickle(server.baseUrl, head, `{"name":"${'x'.repeat(190)}"}`, 150));
    // Meanwhile the server answers others.
    expect((await server.request('GET', '/api/health')).status).toBe(200);
    for (const { answer, closedAfterMs } of await Promise.all(slow)) {
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toContain('application/problem+json');
      expect(closedAfterMs).toBeLessThan(8_000);
    }
    expect((await server.request('GET', '/api/bots')).body.items).toEqual([]);
  });

  it('closes a connection whose headers arrive too slowly', async () => {
    const { answer, closedAfterMs } = await trickle(
      server.baseUrl,
      'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      'X-Slow: ' + 'a'.repeat(200),
      100,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeLessThan(8_000);
  });

  it('closes an idle keep-alive connection', async () => {
    const { answer, closedAfterMs } = await trickle(server.baseUrl, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', '', 1_000);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(closedAfterMs).toBeLessThan(8_000);
  });

  // Node's agent reuses a socket until the announced idle time is nearly over; the server must not close it
  // under a request sent just before then (that race answers ECONNRESET).
  it('keeps an idle connection open past the keep-alive time it announces', async () => {
    const { answer, closedAfterMs } = await trickle(server.baseUrl, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', '', 1_000);
    const announcedSeconds = Number(/^keep-alive: timeout=(\d+)/im.exec(answer)?.[1]);
    expect(announcedSeconds).toBe(1);
    expect(closedAfterMs).toBeGreaterThanOrEqual(announcedSeconds * 1_000 + 500);
  });
});

describe('keep-alive behind a load balancer', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ kind: 'pglite', dataDir: null });
  });
  afterAll(async () => {
    await server.close();
  });

  // A balancer (or a client such as Playwright's request context, whose agent ignores the server's hint) keeps
  // idle connections to the servers open for up to 60 s by default and reuses them. If a server closes one
  // first, a request sent at that moment fails with ECONNRESET (a 502 at the balancer): the server must outlast it.
  it("keeps idle connections longer than a balancer's 60 s idle timeout", async () => {
    const response = await fetch(`${server.baseUrl}/api/health`);
    await response.arrayBuffer();
    expect(Number(/timeout=(\d+)/.exec(response.headers.get('keep-alive') ?? '')?.[1])).toBeGreaterThan(60);
  });
});
