import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import type { Role } from '../../domain/people';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { createPeopleRepository } from './people-repository';
import { cookieOf } from './testing/cookies';

const PASSWORD = 'correct horse battery';

interface Entry {
  action: string;
  actor: { id: string; name: string; kind: string };
  botId?: string;
  integrationId?: string;
  summary: string;
}

describeEachDatabase('the audit trail and revision authors on %s', (kind) => {
  const server = useTestServer(kind, { auth: { mode: 'accounts', secretsKey: randomBytes(32), secureCookies: false } });
  const as = {} as Record<Role, Record<string, string>>;
  const ids = {} as Record<Role, string>;

  beforeAll(async () => {
    const people = createPeopleRepository(server.database.db);
    for (const role of ['viewer', 'builder', 'admin'] as const) {
      const { person } = await people.create({ email: `${role}@example.com`, name: `Pat ${role}`, role, password: PASSWORD });
      ids[role] = person.id;
      const signIn = await server.request('POST', '/api/auth/sign-in/email', {
        body: { email: `${role}@example.com`, password: PASSWORD },
      });
      as[role] = { cookie: cookieOf(signIn.headers), origin: server.baseUrl };
    }
  });

  const trail = async (query = '') => (await server.request('GET', `/api/audit${query}`, { headers: as.admin })).body.items as Entry[];

  it('records each action with its actor, in the order done, and names the author of every revision', async () => {
    const bot = await server.request('POST', '/api/bots', { headers: as.builder, body: { name: 'Audited bot' } });
    expect(bot.status).toBe(201);
    const botId = bot.body.id;
    const base = `/api/bots/${botId}/integrations`;
    const input = anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'Escalate' });
    const created = await server.request('POST', base, { headers: as.builder, body: input });
    const id = created.body.id;
    const saved = await server.request('PUT', `${base}/${id}`, {
      headers: { ...as.builder, 'if-match': created.headers.get('etag')! },
      body: { ...input, messageToUser: 'One moment' },
    });
    expect(saved.status).toBe(200);
    const renamed = await server.request('PATCH', `/api/bots/${botId}`, {
      headers: { ...as.builder, 'if-match': bot.headers.get('etag')! },
      body: { name: 'Audited bot 2' },
    });
    expect(renamed.status).toBe(200);
    expect(
      (await server.request('POST', `${base}/${id}/simulate`, { headers: as.viewer, body: { sample: { status: 200, body: '{}' } } }))
        .status,
    ).toBe(200);
    const exported = await server.request('GET', `/api/bots/${botId}/export?format=native`, { headers: as.viewer });
    expect(exported.status).toBe(200);
    expect(
      (await server.request('DELETE', `${base}/${id}`, { headers: { ...as.builder, 'if-match': saved.headers.get('etag')! } })).status,
    ).toBe(204);
    expect(
      (await server.request('POST', `${base}/${id}/revisions/2/restore`, { headers: { ...as.builder, 'if-match': '*' } })).status,
    ).toBe(200);
    const file = { ...exported.body, bot: { ...exported.body.bot, name: 'Imported copy' } };
    const imported = await server.request('POST', '/api/bots/import', { headers: as.builder, body: file });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);

    const entries = (await trail(`?botId=${botId}`)).reverse();
    expect(entries.map((entry) => `${entry.action} by ${entry.actor.name}`)).toEqual([
      'create by Pat builder',
      'create by Pat builder',
      'save by Pat builder',
      'rename by Pat builder',
      'test-run by Pat viewer',
      'export by Pat viewer',
      'delete by Pat builder',
      'restore by Pat builder',
    ]);
    expect(entries[1]).toMatchObject({ integrationId: id, actor: { id: ids.builder, kind: 'person' } });
    expect((await trail('?action=import'))[0]).toMatchObject({
      actor: { name: 'Pat builder' },
      summary: expect.stringContaining('Imported copy'),
    });

    const revisions = await server.request('GET', `${base}/${id}/revisions`, { headers: as.viewer });
    expect(revisions.body.items.map((revision: { author: { name: string } }) => revision.author)).toEqual(
      Array(4).fill({ id: ids.builder, name: 'Pat builder', kind: 'person' }),
    );
    expect((await server.request('GET', `${base}/${id}/revisions/1`, { headers: as.viewer })).body.author.name).toBe('Pat builder');
  });

  it('writes no entry for a change refused or rolled back, and the change and its entry commit together', async () => {
    const bot = await server.request('POST', '/api/bots', { headers: as.builder, body: { name: 'Refusals' } });
    const base = `/api/bots/${bot.body.id}/integrations`;
    const before = (await trail()).length;
    expect(
      (await server.request('POST', base, { headers: as.viewer, body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION') })).status,
    ).toBe(403);
    expect((await server.request('DELETE', `/api/bots/${bot.body.id}`, { headers: { ...as.builder, 'if-match': '*' } })).status).toBe(403);
    expect(
      (
        await server.request('PATCH', `/api/bots/${bot.body.id}`, {
          headers: { ...as.builder, 'if-match': '"99"' },
          body: { name: 'Stale' },
        })
      ).status,
    ).toBe(412);
    expect(await trail()).toHaveLength(before);

    // A failure after the entry is written (a trigger refusing it) takes the change back with it.
    await server.database.db.execute(sql`create function refuse_boom() returns trigger language plpgsql as $$
      begin if new.summary like '%Boom%' then raise exception 'refused by the test'; end if; return new; end $$`);
    await server.database.db.execute(
      sql`create trigger refuse_boom after insert on audit_events for each row execute function refuse_boom()`,
    );
    try {
      const create = await server.request('POST', base, {
        headers: as.builder,
        body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'Boom' }),
      });
      expect(create.status).toBe(500);
      const okay = await server.request('POST', base, {
        headers: as.builder,
        body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'Fine' }),
      });
      expect(okay.status).toBe(201);
      const saved = await server.request('PUT', `${base}/${okay.body.id}`, {
        headers: { ...as.builder, 'if-match': okay.headers.get('etag')! },
        body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name: 'Fine', messageToUser: 'Boom' }),
      });
      expect(saved.status).toBe(200);
    } finally {
      await server.database.db.execute(sql`drop trigger refuse_boom on audit_events`);
    }
    const names = ((await server.request('GET', base, { headers: as.viewer })).body.items as { name: string }[]).map((item) => item.name);
    expect(names).toEqual(['Fine']);
    expect((await trail()).filter((entry) => entry.summary.includes('Boom'))).toEqual([]);
    expect((await trail()).filter((entry) => entry.summary.includes('Fine')).map((entry) => entry.action)).toEqual(['save', 'create']);
  });

  it('shows builders and viewers the entries of bots only (who changed what they read)', async () => {
    for (const role of ['builder', 'viewer'] as const) {
      const view = (await server.request('GET', '/api/audit?limit=500', { headers: as[role] })).body.items as Entry[];
      expect(view.length).toBeGreaterThan(0);
      expect(view.every((entry) => entry.botId)).toBe(true);
      expect(view.some((entry) => entry.action === 'save' && entry.actor.name === 'Pat builder')).toBe(true);
    }
    expect((await trail('?action=sign-in')).length).toBe(3);
  });

  it('pages with nextCursor and refuses a cursor it did not give out', async () => {
    const first = await server.request('GET', '/api/audit?limit=2', { headers: as.admin });
    expect(first.body.items).toHaveLength(2);
    const second = await server.request('GET', `/api/audit?limit=2&cursor=${first.body.nextCursor}`, { headers: as.admin });
    expect(Number(second.body.items[0].id)).toBeLessThan(Number(first.body.items[1].id));
    expect((await server.request('GET', '/api/audit?cursor=abc', { headers: as.admin })).status).toBe(400);
  });
});
