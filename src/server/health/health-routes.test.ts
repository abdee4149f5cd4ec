import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, describeEachDatabase, startTestServer, useTestServer } from '../testing/api-harness';
import { overwritePage, relationFile } from '../testing/damage';

describeEachDatabase('health on %s', (kind) => {
  const server = useTestServer(kind);

  it('answers ready when every table can be read, and live without asking the database', async () => {
    expect(await server.request('GET', '/api/health')).toMatchObject({ status: 200, body: { status: 'ok', database: kind } });
    expect(await server.request('GET', '/api/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('answers 503 problem+json when a table cannot be read, while liveness stays 200', async () => {
    for (const table of ['integrations', 'integration_revisions', 'skills', 'bots']) {
      await server.database.db.execute(sql`alter table ${sql.identifier(table)} rename to ${sql.identifier(`${table}_away`)}`);
      try {
        const ready = await server.request('GET', '/api/health');
        expect(ready.status, table).toBe(503);
        expect(ready.headers.get('content-type')).toContain('application/problem+json');
        expect(ready.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
        expect(ready.body.detail).toContain('npm run db:check');
        expect((await server.request('GET', '/api/health/live')).status).toBe(200);
      } finally {
        await server.database.db.execute(sql`alter table ${sql.identifier(`${table}_away`)} rename to ${sql.identifier(table)}`);
      }
    }
    expect((await server.request('GET', '/api/health')).status).toBe(200);
  });
});

describe('health on an embedded database whose table file is damaged', () => {
  it('answers 503 for readiness and 200 for liveness', { timeout: 60_000 }, async () => {
    const database = await createTestDatabase('pglite');
    const dataDir = database.target.kind === 'pglite' ? database.target.dataDir! : '';
    try {
      const first = await startTestServer(database.target);
      const bot = await first.request('POST', '/api/bots', { body: { name: 'Damaged' } });
      expect(bot.status).toBe(201);
      const file = await relationFile(first.database, 'bots');
      await first.close();
      overwritePage(dataDir, file, 0, 0x41);

      const second = await startTestServer(database.target);
      try {
        expect((await second.request('GET', '/api/health')).status).toBe(503);
        expect((await second.request('GET', '/api/health/live')).status).toBe(200);
      } finally {
        await second.close();
      }
    } finally {
      await database.destroy();
    }
  });
});
