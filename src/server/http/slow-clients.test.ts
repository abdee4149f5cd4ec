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
});
