import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { createTestDatabase, describeEachDatabase, startTestServer, type TestDatabase, type TestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';
import { safeError } from './log-redaction';

const HEADER_SECRET = 'integration-header-s3cret';
const TOKEN_SECRET = 'admin-token-s3cret';
const BODY_SECRET = 'body-field-s3cret';
const QUERY_SECRET = 'query-value-s3cret';

describeEachDatabase('secrets in logs on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database.target, {
      logLevel: 'trace',
      adminToken: TOKEN_SECRET,
      logStream: { write: (line: string) => void lines.push(line) },
    });
  });
  afterAll(async () => {
    await server.close();
    await database.destroy();
  });

  it('logs a failed write without its SQL parameters, body, header values or the bearer token', async () => {
    const auth = { authorization: `Bearer ${TOKEN_SECRET}` };
    const botId = await freshBot({
      ...server,
      request: (method, path, init = {}) => server.request(method, path, { ...init, headers: { ...auth, ...init.headers } }),
    });
    // Every new integration now fails in the database, as a full disk or a broken table would make it.
    await server.database.db.execute(sql.raw('ALTER TABLE integrations ADD CONSTRAINT refuse_all CHECK (false) NOT VALID'));
    lines.length = 0;
    const response = await server.request('POST', `/api/bots/${botId}/integrations`, {
      headers: auth,
      body: anIntegrationInput('API', {
        headers: [{ key: 'Authorization', value: `Bearer ${HEADER_SECRET}` }],
        postBody: BODY_SECRET,
        method: 'POST',
      }),
    });
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain(HEADER_SECRET);
    const log = lines.join('');
    // The failure is logged, with what helps: the SQL text and the error's code.
    expect(log).toContain('request failed');
    expect(log).toMatch(/insert into .{1,3}integrations/i);
    expect(log).toContain('params: [redacted]');
    for (const secret of [HEADER_SECRET, TOKEN_SECRET, BODY_SECRET]) expect(log).not.toContain(secret);
  });

  it('logs no query string values, on routes that read them, refuse them, or do not exist', async () => {
    const auth = { authorization: `Bearer ${TOKEN_SECRET}` };
    const botId = (await server.request('POST', '/api/bots', { headers: auth, body: { name: 'Query bot' } })).body.id;
    lines.length = 0;
    const paths = [
      `/api/bots?q=${QUERY_SECRET}`,
      `/api/bots/${botId}/integrations?q=${QUERY_SECRET}&limit=5`,
      `/api/bots?cursor=${QUERY_SECRET}`,
      `/api/bots?limit=${QUERY_SECRET}`,
      `/api/bots/${botId}/export?format=${QUERY_SECRET}`,
      `/api/nothing-here?token=${QUERY_SECRET}`,
      `/api/health?${QUERY_SECRET}`,
    ];
    for (const path of paths) await server.request('GET', path, { headers: auth });
    const log = lines.join('');
    // The requests are logged (one access line each), by the route the router matched, never the URL as sent.
    expect(log).toContain('"route":"/api/bots"');
    expect(log).toContain('"route":"(unmatched)"');
    expect(log).not.toContain(QUERY_SECRET);
  });
});

describe('the error serializer', () => {
  it('keeps what the database refused without the value it refused', () => {
    const cause = Object.assign(new Error('invalid input syntax for type uuid: "s3cret-value"'), {
      code: '22P02',
      detail: 'Failing row contains (s3cret-value).',
      routine: 'string_to_uuid',
    });
    const error = Object.assign(new Error('Failed query: select 1 where id = $1\nparams: s3cret-value'), {
      params: ['s3cret-value'],
      query: 'select 1 where id = $1',
      cause,
    });
    const logged = JSON.stringify(safeError(error));
    expect(logged).not.toContain('s3cret-value');
    expect(safeError(error)).toMatchObject({ query: 'select 1 where id = $1', cause: { code: '22P02', routine: 'string_to_uuid' } });
  });
});
