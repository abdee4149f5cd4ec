import pg from 'pg';
import { beforeEach, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

describeEachDatabase('conditional requests (RFC 9110) on %s', (kind) => {
  const server = useTestServer(kind);
  let botId: string;
  let path: string;
  beforeEach(async () => {
    botId = await freshBot(server);
    const created = await server.request('POST', `/api/bots/${botId}/integrations`, {
      body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION'),
    });
    path = `/api/bots/${botId}/integrations/${created.body.id}`;
    // Version 2, so that "the first tag" and "the current one" differ.
    await server.request('PUT', path, {
      body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { messageToUser: 'v2' }),
      headers: { 'if-match': '"1"' },
    });
  });

  const put = (ifMatch: string, message = 'new') =>
    server.request('PUT', path, {
      body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { messageToUser: message }),
      headers: { 'if-match': ifMatch },
    });

  it('If-Match: * matches whatever version is current', async () => {
    const response = await put('*');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"3"');
    const bot = await server.request('GET', `/api/bots/${botId}`);
    expect((await server.request('PATCH', `/api/bots/${botId}`, { body: { name: 'Renamed' }, headers: { 'if-match': '*' } })).status).toBe(
      200,
    );
    expect(bot.status).toBe(200);
    expect((await server.request('DELETE', path, { headers: { 'if-match': '*' } })).status).toBe(204);
  });

  it('a list of ETags matches when any of them is current', async () => {
    expect((await put('"7", "2"')).status).toBe(200);
    expect((await put('"1" ,"9"  , "3"')).status).toBe(200);
    expect((await put('"1", "2"')).status).toBe(412);
    // A repeated field is one list.
    const repeated = await fetch(server.baseUrl + path, {
      method: 'DELETE',
      headers: [
        ['if-match', '"1"'],
        ['if-match', '"4"'],
      ],
    });
    expect(repeated.status).toBe(204);
  });

  it('compares strongly: a weak tag, a padded number or a bad tag matches nothing', async () => {
    for (const ifMatch of ['W/"2"', '"02"', '"2.0"', '2', '"2', '"+2"', '" 2"', '"2", W/"2x"junk']) {
      const response = await put(ifMatch);
      expect(response.status, ifMatch).toBe(412);
      expect(response.headers.get('content-type'), ifMatch).toContain('application/problem+json');
    }
    expect((await server.request('GET', path)).body.version).toBe(2);
    expect((await server.request('PATCH', `/api/bots/${botId}`, { body: { name: 'x' }, headers: { 'if-match': 'W/"1"' } })).status).toBe(
      412,
    );
    expect((await server.request('DELETE', `/api/bots/${botId}`, { headers: { 'if-match': '"01"' } })).status).toBe(412);
  });

  it('If-None-Match on a read answers 304 with the ETag and no body when the copy is current', async () => {
    for (const ifNoneMatch of ['"2"', 'W/"2"', '"1", "2"', '*']) {
      const response = await server.request('GET', path, { headers: { 'if-none-match': ifNoneMatch } });
      expect(response.status, ifNoneMatch).toBe(304);
      expect(response.headers.get('etag')).toBe('"2"');
      expect(response.body).toBe('');
    }
    for (const ifNoneMatch of ['"1"', '"02"', '"3", W/"1"']) {
      expect((await server.request('GET', path, { headers: { 'if-none-match': ifNoneMatch } })).status, ifNoneMatch).toBe(200);
    }
    const bot = await server.request('GET', `/api/bots/${botId}`, { headers: { 'if-none-match': '"1"' } });
    expect(bot.status).toBe(304);
    expect((await server.request('GET', `/api/bots/${botId}`, { headers: { 'if-none-match': '"2"' } })).status).toBe(200);
  });

  it('restores with If-Match: * or a list that holds the current version', async () => {
    expect((await server.request('DELETE', path, { headers: { 'if-match': '"2"' } })).status).toBe(204);
    expect((await server.request('POST', `${path}/revisions/1/restore`, { headers: { 'if-match': '"1", "2"' } })).status).toBe(412);
    const restored = await server.request('POST', `${path}/revisions/1/restore`, { headers: { 'if-match': '*' } });
    expect(restored.status).toBe(200);
    expect(restored.body.messageToUser).toBe('Hold on while I connect you with an agent.');
  });

  it('answers 404, not 412, to a write on an integration deleted meanwhile', async () => {
    const id = path.split('/').pop()!;
    if (kind === 'pglite') {
      // One connection: a write cannot land between the read and the write of another.
      expect((await server.request('DELETE', path, { headers: { 'if-match': '"2"' } })).status).toBe(204);
      expect((await put('"2"')).status).toBe(404);
      return;
    }
    // The deletion holds the row's lock while the PUT reads the row and waits on its UPDATE; then it commits.
    const deleter = new pg.Client({ connectionString: (server.target as { url: string }).url });
    await deleter.connect();
    try {
      await deleter.query('BEGIN');
      await deleter.query('DELETE FROM integrations WHERE id = $1', [id]);
      const pending = put('"2"');
      await new Promise((resolve) => setTimeout(resolve, 500));
      await deleter.query('COMMIT');
      const response = await pending;
      expect(response.status, JSON.stringify(response.body)).toBe(404);
    } finally {
      await deleter.end();
    }
  });
});
