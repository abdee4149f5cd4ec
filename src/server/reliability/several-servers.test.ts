import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import type { DatabaseTarget } from '../db/database';
import { createTestDatabase, hasPostgres, type TestDatabase } from '../testing/api-harness';
import { startTcpProxy, type TcpProxy } from '../testing/tcp-proxy';
import { startChildServer, startChildServerExpectingExit, type ChildServer } from './child-server';

// Ports 4500-4599 are this file's and first-start.test.ts's: servers 4510-4549 here, proxies 4590-4591.
const TOGETHER_PORTS = [4510, 4511, 4512];
const LOAD_PORTS = [4520, 4521, 4522];
const LOAD_PROXY_PORT = 4590;
const STARTING_PORT = 4530;
const STARTING_PROXY_PORT = 4591;
const KEY_PORTS = [4540, 4541];
const TRIALS = 10;
const LANES = 9;
const OUTAGE_MS = 4_000;

const postgresAddress = () => {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/');
  return { host: url.hostname, port: Number(url.port || 5432) };
};

/** The same database, reached through the test's proxy. */
function through(target: DatabaseTarget, proxyPort: number): DatabaseTarget {
  if (target.kind !== 'postgres') throw new Error('PostgreSQL only');
  const url = new URL(target.url);
  url.hostname = '127.0.0.1';
  url.port = String(proxyPort);
  return { kind: 'postgres', url: url.toString() };
}

const databaseName = (target: DatabaseTarget) => (target.kind === 'postgres' ? new URL(target.url).pathname.slice(1) : '');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  retryAfter: string | null;
  contentType: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON shapes
  body: any;
}

async function call(server: ChildServer, method: string, path: string, json?: unknown): Promise<Answer> {
  const response = await fetch(server.baseUrl + path, {
    method,
    headers: json === undefined ? {} : { 'content-type': 'application/json' },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    contentType,
    body: contentType.includes('json') && text ? JSON.parse(text) : text,
  };
}

async function untilReady(server: ChildServer, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while ((await call(server, 'GET', '/api/health')).status !== 200) {
    if (Date.now() > deadline) throw new Error(`${server.baseUrl} was not ready again within ${withinMs} ms:\n${server.stderr()}`);
    await sleep(200);
  }
}

/** Rows read on a connection of the test's own, straight from PostgreSQL. */
async function queryOn<Row extends pg.QueryResultRow>(
  target: DatabaseTarget | string,
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: typeof target === 'string' ? target : target.kind === 'postgres' ? target.url : '' });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!hasPostgres)('several servers on one PostgreSQL', () => {
  const databases: TestDatabase[] = [];
  const servers: ChildServer[] = [];
  const proxies: TcpProxy[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.kill()));
    await Promise.all(proxies.map((proxy) => proxy.close()));
    for (const database of databases) await database.destroy();
  });

  // Each trial starts three servers that compile their TypeScript as they start: about 10 s alone, and three
  // times that on a 2-core CI machine busy with the other test files.
  it(`start together on a new database: 0 crashes and one demo bot in ${TRIALS} trials`, { timeout: 420_000 }, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const database = await createTestDatabase('postgres');
      const starts = await Promise.allSettled(TOGETHER_PORTS.map((port) => startChildServer(database.target, port, { SEED_DEMO: '1' })));
      const started = starts.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
      try {
        const failures = starts.flatMap((start) => (start.status === 'rejected' ? [String(start.reason)] : []));
        expect(failures, `trial ${trial}`).toEqual([]);
        for (const server of started) {
          const bots = await call(server, 'GET', '/api/bots').catch((error: unknown) => {
            const { exitCode, signalCode } = server.process;
            throw new Error(
              `trial ${trial}: ${server.baseUrl} (exit ${exitCode ?? signalCode ?? 'none'}): ${String(error)}\n${server.stderr()}`,
            );
          });
          expect(
            bots.body.items.map((bot: { name: string }) => bot.name),
            `trial ${trial}`,
          ).toEqual(['Customer Care Bot']);
        }
        expect(await queryOn<{ n: number }>(database.target, 'select count(*)::int as n from bots'), `trial ${trial}`).toEqual([{ n: 1 }]);
      } finally {
        await Promise.all(started.map((server) => server.kill()));
        await database.destroy();
      }
    }
  });

  it(
    'PostgreSQL lost under load: 0 exits, 0 × 500, 503 with Retry-After meanwhile, every acknowledged write kept',
    { timeout: 120_000 },
    async () => {
      const database = await createTestDatabase('postgres');
      databases.push(database);
      const proxy = await startTcpProxy(LOAD_PROXY_PORT, postgresAddress());
      proxies.push(proxy);
      const target = through(database.target, LOAD_PROXY_PORT);
      const cluster = await Promise.all(LOAD_PORTS.map((port) => startChildServer(target, port)));
      servers.push(...cluster);
      const exits: string[] = [];
      for (const server of cluster)
        server.process.once('exit', (code, signal) => exits.push(`${server.baseUrl}: ${code ?? signal}\n${server.stderr()}`));

      const wrong: string[] = [];
      const unanswered: string[] = [];
      let retryLater = 0;
      let phase: 'before' | 'outage' | 'after' = 'before';
      const acknowledged = { bots: [] as string[], integrations: [] as string[], after: 0 };
      const load = async (server: ChildServer, method: string, path: string, json?: unknown): Promise<Answer | null> => {
        let answer: Answer;
        try {
          answer = await call(server, method, path, json);
        } catch (error) {
          unanswered.push(`${method} ${path} on ${server.baseUrl}: ${String(error)}`);
          return null;
        }
        if (answer.status === 503) {
          if (answer.retryAfter === null || !answer.contentType.includes('application/problem+json')) {
            wrong.push(`503 without Retry-After or problem+json: ${method} ${path}`);
          }
          retryLater += 1;
          // A client that honours Retry-After comes back later; this one only slows down, to keep the pressure on.
          await sleep(100);
        } else if (![200, 201].includes(answer.status)) {
          wrong.push(`${answer.status} ${method} ${path}: ${JSON.stringify(answer.body).slice(0, 300)}`);
        }
        return answer;
      };
      let running = true;
      const lanes = Array.from({ length: LANES }, async (_, lane) => {
        for (let round = 0; running; round++) {
          const on = (offset: number) => cluster[(lane + round + offset) % cluster.length]!;
          const bot = await load(on(0), 'POST', '/api/bots', { name: `Load ${lane}-${round}` });
          if (bot?.status !== 201) continue;
          acknowledged.bots.push(bot.body.id);
          if (phase === 'after') acknowledged.after += 1;
          const name = `Escalate_${round}`;
          const integration = await load(
            on(1),
            'POST',
            `/api/bots/${bot.body.id}/integrations`,
            anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name, responseDataVariable: name }),
          );
          if (integration?.status === 201) acknowledged.integrations.push(integration.body.id);
          await load(on(2), 'GET', `/api/bots/${bot.body.id}/integrations`);
        }
      });

      await sleep(1_500);
      // Every backend of the database ended by PostgreSQL itself (57P01), twice, while requests are in flight.
      let terminated = 0;
      for (let time = 0; time < 2; time++) {
        const rows = await queryOn<{ ended: boolean }>(
          process.env.TEST_DATABASE_URL!,
          'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [databaseName(database.target)],
        );
        terminated += rows.filter((row) => row.ended).length;
        await sleep(700);
      }
      const beforeOutage = acknowledged.bots.length;

      // Every connection cut and new ones refused for a few seconds, then PostgreSQL is back.
      phase = 'outage';
      await proxy.cut();
      await sleep(1_000);
      for (const server of cluster) {
        const ready = await call(server, 'GET', '/api/health');
        expect(ready.status, server.baseUrl).toBe(503);
        expect(ready.retryAfter).not.toBeNull();
        expect((await call(server, 'GET', '/api/health/live')).status).toBe(200);
      }
      await sleep(OUTAGE_MS - 1_000);
      await proxy.restore();
      await Promise.all(cluster.map((server) => untilReady(server, 30_000)));
      phase = 'after';
      await sleep(1_500);
      running = false;
      await Promise.all(lanes);

      expect(exits).toEqual([]);
      expect(unanswered.slice(0, 5)).toEqual([]);
      expect(wrong.slice(0, 10)).toEqual([]);
      expect(terminated).toBeGreaterThan(0);
      expect(retryLater).toBeGreaterThan(0);
      expect(beforeOutage).toBeGreaterThan(0);
      expect(acknowledged.after).toBeGreaterThan(0);
      // Read past the proxy, straight from PostgreSQL.
      const stored = await queryOn<{ bots: number; integrations: number }>(
        database.target,
        `select (select count(*)::int from bots where id = any($1::uuid[])) as bots,
              (select count(*)::int from integrations where id = any($2::uuid[])) as integrations`,
        [acknowledged.bots, acknowledged.integrations],
      );
      expect(stored).toEqual([{ bots: acknowledged.bots.length, integrations: acknowledged.integrations.length }]);
    },
  );

  it(
    'a server started while PostgreSQL refuses connections starts not ready, then migrates and serves once it answers',
    { timeout: 90_000 },
    async () => {
      const database = await createTestDatabase('postgres');
      databases.push(database);
      const proxy = await startTcpProxy(STARTING_PROXY_PORT, postgresAddress(), { refusing: true });
      proxies.push(proxy);
      const server = await startChildServer(
        through(database.target, STARTING_PROXY_PORT),
        STARTING_PORT,
        { SEED_DEMO: '1' },
        '/api/health/live',
      );
      servers.push(server);
      const ready = await call(server, 'GET', '/api/health');
      expect(ready).toMatchObject({ status: 503, body: { status: 503, title: 'Service Unavailable' } });
      expect(ready.retryAfter).not.toBeNull();
      const bots = await call(server, 'GET', '/api/bots');
      expect(bots.status).toBe(503);
      expect(bots.retryAfter).not.toBeNull();
      expect(bots.contentType).toContain('application/problem+json');
      await sleep(1_500);
      expect(server.process.exitCode, server.stderr()).toBeNull();
      expect((await call(server, 'GET', '/api/health/live')).status).toBe(200);

      await proxy.restore();
      await untilReady(server, 30_000);
      const seeded = await call(server, 'GET', '/api/bots');
      expect(seeded.status).toBe(200);
      expect(seeded.body.items.map((bot: { name: string }) => bot.name)).toEqual(['Customer Care Bot']);
    },
  );

  it('a server with another SECRETS_KEY than the database was first used with is refused, in one line', { timeout: 90_000 }, async () => {
    const database = await createTestDatabase('postgres');
    databases.push(database);
    // No secret is stored yet: only the key check tells the keys apart.
    const first = await startChildServer(database.target, KEY_PORTS[0]!);
    servers.push(first);
    const refused = await startChildServerExpectingExit(database.target, KEY_PORTS[1]!, {
      SECRETS_KEY: Buffer.alloc(32, 9).toString('base64'),
    });
    expect(refused.code).toBe(1);
    expect(refused.listened).toBe(false);
    const lines = refused.stderr.trim().split('\n');
    expect(lines, refused.stderr).toHaveLength(1);
    expect(lines[0]).toContain('first used with another secrets key');
    expect((await call(first, 'GET', '/api/health')).status).toBe(200);
  });
});
