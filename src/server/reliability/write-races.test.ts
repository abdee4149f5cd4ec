import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { createTestDatabase, describeEachDatabase, hasPostgres, type TestDatabase } from '../testing/api-harness';
import { startChildServer, type ChildServer } from './child-server';
import { send, type HttpAnswer } from './http';

/*
 * Two writes to one integration at once, over and over: each pair answers what PGlite (one statement at a
 * time) answers, on PostgreSQL too, where they run side by side and used to deadlock (the bot row locked
 * FOR UPDATE while the other write's revision insert waited for a key-share lock on it).
 */

const ROUNDS = 100;
/** Rounds in flight at once, each on its own integration: more overlap between the pairs' statements. */
const LANES = 8;

type Write = (base: string, index: number) => Promise<HttpAnswer>;

interface Race {
  name: string;
  /** The two writes, started together on the integration at `base`, created at version 1. */
  writes: [Write, Write];
  /** What each of the two may answer. */
  expected: [number[], number[]];
}

let servers: string[] = [];
const on = (index: number) => servers[index % servers.length]!;

const put: Write = (base, index) =>
  send(on(index), {
    method: 'PUT',
    path: base,
    headers: { 'if-match': '"1"' },
    json: anIntegrationInput('API', { name: `Put${index}` }),
  });
const rename: Write = (base, index) =>
  send(on(index + 1), {
    method: 'POST',
    path: `${base}/rename`,
    headers: { 'if-match': '"1"' },
    json: { name: `Renamed${index}` },
  });
const remove: Write = (base, index) => send(on(index + 1), { method: 'DELETE', path: base, headers: { 'if-match': '"1"' } });
const restore =
  (ifMatch: string): Write =>
  (base, index) =>
    send(on(index), { method: 'POST', path: `${base}/revisions/1/restore`, headers: { 'if-match': ifMatch } });

const RACES: Race[] = [
  {
    name: 'rename/PUT',
    writes: [rename, put],
    expected: [
      [200, 412],
      [200, 412],
    ],
  },
  {
    name: 'DELETE/PUT',
    writes: [remove, put],
    expected: [
      [204, 412],
      [200, 404, 412],
    ],
  },
  {
    name: 'rename/restore',
    writes: [rename, restore('"1"')],
    expected: [
      [200, 412],
      [200, 412],
    ],
  },
  // `*` matches whatever version is current when the write applies, so neither of two restores is stale.
  { name: 'restore/restore with If-Match: *', writes: [restore('*'), restore('*')], expected: [[200], [200]] },
];

async function runRace(race: Race): Promise<void> {
  const bot = await send(on(0), { method: 'POST', path: '/api/bots', json: { name: `Race ${race.name}` } });
  expect(bot.status).toBe(201);
  const integrations = `/api/bots/${bot.body.id}/integrations`;
  const unexpected: string[] = [];
  const tally = new Map<string, number>();
  let next = 0;
  const lane = async () => {
    while (next < ROUNDS) {
      const index = next++;
      const created = await send(on(index), {
        method: 'POST',
        path: integrations,
        json: anIntegrationInput('API', { name: `Api${index}` }),
      });
      if (created.status !== 201) {
        unexpected.push(`round ${index}, create: ${created.status} ${JSON.stringify(created.body).slice(0, 200)}`);
        continue;
      }
      const base = `${integrations}/${created.body.id}`;
      const answers = await Promise.all(race.writes.map((write) => write(base, index)));
      answers.forEach((answer, which) => {
        const key = `write ${which + 1}: ${answer.status}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
        const problem = answer.status >= 400 && !answer.contentType.includes('application/problem+json');
        if (!race.expected[which]!.includes(answer.status) || problem)
          unexpected.push(`round ${index}, write ${which + 1}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
      });
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  const counts = [...tally].map(([key, count]) => `${key} × ${count}`).join(', ');
  expect(unexpected.slice(0, 5), `${race.name}: ${unexpected.length} answers outside ${JSON.stringify(race.expected)} (${counts})`).toEqual(
    [],
  );
}

function racesOnServers(start: () => Promise<string[]>, stop: () => Promise<void>) {
  beforeAll(async () => {
    servers = await start();
  }, 120_000);
  afterAll(stop);
  it.each(RACES)('$name: 100 racing rounds, every answer expected, none 5xx', { timeout: 60_000 }, async (race) => {
    await runRace(race);
  });
}

describeEachDatabase('racing writes to one integration on one server (%s)', (kind) => {
  let database: TestDatabase | undefined;
  let server: ChildServer | undefined;
  racesOnServers(
    async () => {
      database = await createTestDatabase(kind);
      server = await startChildServer(database.target, kind === 'pglite' ? 4620 : 4621);
      return [server.baseUrl];
    },
    async () => {
      await server?.stop();
      await database?.destroy();
    },
  );
});

// Two processes need a database both reach: PostgreSQL (the embedded database belongs to one process).
describe.skipIf(!hasPostgres)('racing writes to one integration on two server processes sharing one PostgreSQL database', () => {
  let database: TestDatabase | undefined;
  const children: ChildServer[] = [];
  racesOnServers(
    async () => {
      database = await createTestDatabase('postgres');
      // One after the other: both would otherwise race to apply the migrations.
      children.push(await startChildServer(database.target, 4622));
      children.push(await startChildServer(database.target, 4623));
      return children.map((child) => child.baseUrl);
    },
    async () => {
      for (const child of children) await child.stop();
      await database?.destroy();
    },
  );
});
