import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { AppOptions } from '../app';
import { createTestDatabase, describeEachDatabase, startTestServer, type TestDatabase, type TestServer } from '../testing/api-harness';
import { startFakeLivePerson, type FakeAnswer, type FakeLivePerson } from './testing/fake-liveperson';

const lambda = (name: string) => ({ uuid: `${name}-0000-4bbd-9b0b-2d3c9c6f8a01`, version: 1, name, description: '', state: 'Productive' });
const names = (response: { body: { items: { name: string }[] } }) => response.body.items.map((item) => item.name);

describeEachDatabase('a LivePerson list shared by two servers on one %s database', (kind) => {
  let fake: FakeLivePerson;
  let answer: () => FakeAnswer;
  let database: TestDatabase;
  let first: TestServer;
  let second: TestServer;

  beforeAll(async () => {
    // Upstream answers after 100 ms, so the requests of both servers overlap with the call in flight.
    fake = await startFakeLivePerson('lp-token', () => answer(), 100);
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await fake.close();
    await database.destroy();
  });

  beforeEach(async () => {
    answer = () => ({ status: 200, body: [lambda('Greeting')] });
    const options: Partial<AppOptions> = {
      livePersonDirectories: {
        functions: { accountId: '123456', accessToken: 'lp-token', domain: fake.origin },
        skills: { accountId: '123456', accessToken: 'lp-token', domain: fake.origin },
      },
    };
    first = await startTestServer(database.target, options);
    // On PGlite one process holds the data directory: the second server is a second app on the same database.
    second = await startTestServer(kind === 'pglite' ? first.database : database.target, options);
    await first.database.db.execute(sql`delete from upstream_lists`);
    fake.seen.length = 0;
  });
  afterEach(async () => {
    await second.close();
    await first.close();
  });

  // What a minute (or a back-off) passing looks like to every server: the stored list grows older.
  const age = (by: string) =>
    first.database.db.execute(
      sql`update upstream_lists set fetched_at = fetched_at - ${by}::interval, retry_at = retry_at - ${by}::interval`,
    );
  const readBoth = () =>
    Promise.all(Array.from({ length: 6 }, (_, index) => (index % 2 ? second : first).request('GET', '/api/functions')));

  it('asks upstream once for both servers within the minute, and both answer the same list', async () => {
    const lists = await readBoth();
    expect(fake.seen).toHaveLength(1);
    for (const list of lists) {
      expect(list.status).toBe(200);
      expect(names(list)).toEqual(['Greeting']);
    }
    answer = () => ({ status: 200, body: [lambda('Greeting'), lambda('Farewell')] });
    await age('30 seconds');
    expect(names(await second.request('GET', '/api/functions'))).toEqual(['Greeting']);
    expect(fake.seen).toHaveLength(1);

    await age('31 seconds');
    // While one server refreshes, the other serves the stored list; once it is stored, both serve the new one.
    for (const list of await readBoth()) expect([['Greeting'], ['Farewell', 'Greeting']]).toContainEqual(names(list));
    expect(fake.seen).toHaveLength(2);
    for (const list of await readBoth()) expect(names(list)).toEqual(['Farewell', 'Greeting']);
    expect(fake.seen).toHaveLength(2);
  });

  it('serves the last good list on both servers while a refresh fails, and backs off for both', async () => {
    await first.request('GET', '/api/functions');
    answer = () => ({ status: 500, body: { error: 'down' } });
    await age('2 minutes');
    const lists = await readBoth();
    expect(fake.seen).toHaveLength(2);
    for (const list of lists) {
      expect(list.status).toBe(200);
      expect(names(list)).toEqual(['Greeting']);
    }
    // Within the back-off neither server asks again.
    expect(names(await second.request('GET', '/api/functions'))).toEqual(['Greeting']);
    expect(fake.seen).toHaveLength(2);

    answer = () => ({ status: 200, body: [lambda('Back')] });
    await age('2 seconds');
    expect(names(await second.request('GET', '/api/functions'))).toEqual(['Back']);
    expect(names(await first.request('GET', '/api/functions'))).toEqual(['Back']);
    expect(fake.seen).toHaveLength(3);
  });

  it('says how old the list is: its read time and Age on every answer, stale once a refresh failed', async () => {
    const fresh = await first.request('GET', '/api/functions');
    expect(fresh.body).toMatchObject({ source: 'liveperson', stale: false });
    const fetchedAt = Date.parse(fresh.body.fetchedAt);
    expect(Math.abs(fetchedAt - Date.now())).toBeLessThan(60_000);
    expect(Number(fresh.headers.get('age'))).toBeLessThan(5);

    answer = () => ({ status: 500, body: { error: 'down' } });
    await age('5 minutes');
    // Both servers serve the last good list after the failure, and both say it is five minutes old.
    for (const server of [first, second, first]) {
      const stale = await server.request('GET', '/api/functions');
      expect(stale.status).toBe(200);
      expect(names(stale)).toEqual(['Greeting']);
      expect(stale.body.stale).toBe(true);
      expect(Date.parse(stale.body.fetchedAt)).toBeCloseTo(fetchedAt - 5 * 60_000, -4);
      const ageSeconds = Number(stale.headers.get('age'));
      expect(ageSeconds).toBeGreaterThanOrEqual(300);
      expect(ageSeconds).toBeLessThan(310);
    }
    expect(fake.seen).toHaveLength(2);

    answer = () => ({ status: 200, body: [lambda('Back')] });
    await age('2 seconds');
    const back = await second.request('GET', '/api/functions');
    expect(back.body).toMatchObject({ stale: false, items: [expect.objectContaining({ name: 'Back' })] });
    expect(Number(back.headers.get('age'))).toBeLessThan(5);
  });

  it('shares the skill directory read from LiveEngage the same way', async () => {
    answer = () => ({ status: 200, body: [{ id: 7, name: 'Billing' }] });
    const lists = await Promise.all(Array.from({ length: 6 }, (_, index) => (index % 2 ? second : first).request('GET', '/api/skills')));
    expect(fake.seen.map((seen) => seen.url.split('?')[0])).toEqual(['/api/account/123456/configuration/le-users/skills']);
    for (const list of lists) {
      expect(list.body).toEqual({
        source: 'liveperson',
        fetchedAt: expect.any(String),
        stale: false,
        items: [{ id: '7', name: 'Billing' }],
      });
    }
  });

  it('answers 502 on both servers when there is no list yet and upstream fails, asking once', async () => {
    answer = () => ({ status: 500, body: { error: 'down' } });
    const answers = await readBoth();
    for (const response of answers) {
      expect(response.status).toBe(502);
      expect(response.body.detail).toContain('500');
    }
    expect(fake.seen).toHaveLength(1);
  });
});
