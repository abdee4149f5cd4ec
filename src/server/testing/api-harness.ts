import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { buildApp, type AppOptions } from '../app';
import { createSecretBox } from '../credentials/secret-box';
import { NO_LIVEPERSON_DIRECTORIES } from '../directories/liveperson-settings';
import { openDatabase, type DatabaseHandle, type DatabaseTarget } from '../db/database';

type DatabaseKind = 'pglite' | 'postgres';

/** Set when TEST_DATABASE_URL points at a PostgreSQL server (CI sets it); without it those runs report themselves skipped. */
export const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);

const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

/**
 * A suite once per database, `%s` in the title naming it: PGlite always, PostgreSQL when TEST_DATABASE_URL
 * is set. Without it the PostgreSQL suite is still declared, and reported as skipped rather than absent.
 */
export function describeEachDatabase(title: string, body: (kind: DatabaseKind) => void): void {
  for (const kind of DATABASE_KINDS) {
    describe.skipIf(kind === 'postgres' && !hasPostgres)(title.replace('%s', kind), () => body(kind));
  }
}

export interface TestDatabase {
  target: DatabaseTarget;
  /** Removes what the test created: the data dir or the database. */
  destroy(): Promise<void>;
}

/** A database of its own for one test file: a temp data dir, or a fresh PostgreSQL database. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'integrations-panel-test-'));
    return { target: { kind: 'pglite', dataDir }, destroy: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `ip_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString() },
    async destroy() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  baseUrl: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON shapes
  request<T = any>(
    method: string,
    path: string,
    init?: { body?: unknown; headers?: Record<string, string>; raw?: string },
  ): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

const defaultOptions: AppOptions = {
  enableTestApi: true,
  logLevel: 'silent',
  webRoot: '/nonexistent',
  corsOrigin: null,
  adminToken: null,
  livePersonDirectories: NO_LIVEPERSON_DIRECTORIES,
  secretBox: createSecretBox(randomBytes(32)),
};

/**
 * A database of its own and the real app on it for the enclosing suite, started before its first test
 * and closed after its last: the one lifecycle every API test file shares.
 */
export function useTestServer(kind: DatabaseKind, options: Partial<AppOptions> = {}): TestServer & { readonly target: DatabaseTarget } {
  let database: TestDatabase | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database.target, options);
  });
  afterAll(async () => {
    await server?.close();
    await database?.destroy();
  });
  const started = (): TestServer => {
    if (!server) throw new Error('The test server starts in beforeAll: use it inside a test or a hook.');
    return server;
  };
  return {
    get app() {
      return started().app;
    },
    get database() {
      return started().database;
    },
    get baseUrl() {
      return started().baseUrl;
    },
    get target() {
      if (!database) throw new Error('The test database is created in beforeAll: use it inside a test or a hook.');
      return database.target;
    },
    request: (method, path, init) => started().request(method, path, init),
    close: () => started().close(),
  };
}

/** The real app on a real port: tests go through HTTP exactly as clients do. */
export async function startTestServer(target: DatabaseTarget | DatabaseHandle, options: Partial<AppOptions> = {}): Promise<TestServer> {
  // Given an open database, a second app on it: two servers sharing one database (it stays open on close).
  const shared = 'db' in target;
  const database = shared ? target : await openDatabase(target);
  const app = await buildApp(database, { ...defaultOptions, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    database,
    baseUrl,
    async request(method, path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      let body: string | undefined = init.raw;
      if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(baseUrl + path, { method, headers, body });
      const type = response.headers.get('content-type') ?? '';
      // A stream (the live events) stays open: its status and headers are the answer; live tests read it with their SSE client.
      if (type.includes('text/event-stream')) {
        await response.body?.cancel();
        return { status: response.status, headers: response.headers, body: '' };
      }
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: type.includes('json') && text ? JSON.parse(text) : text };
    },
    async close() {
      await app.close();
      if (!shared) await database.close();
    },
  };
}
