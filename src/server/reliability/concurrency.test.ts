import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import {
  createTestDatabase,
  describeEachDatabase,
  hasPostgres,
  startTestServer,
  type TestDatabase,
  type TestServer,
} from '../testing/api-harness';

import { startChildServer, type ChildServer } from './child-server';
import { send, type HttpAnswer } from './http';

const ROUNDS = 8;
const WRITERS_PER_ROUND = 12;

/**
 * Every round, all writers PUT the same integration with the If-Match they all read.
 * `baseUrls` are the servers to spread the writers over (one process, or two on one database).
 */
async function raceOnOneIntegration(baseUrls: string[]) {
  const [firstUrl] = baseUrls as [string];
  const bot = await send(firstUrl, { method: 'POST', path: '/api/bots', json: { name: 'Race Bot' } });
  const path = `/api/bots/${bot.body.id}/integrations`;
  const created = await send(firstUrl, {
    method: 'POST',
    path,
    json: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { messageToUser: 'initial' }),
  });
  expect(created.status).toBe(201);
  const itemPath = `${path}/${created.body.id}`;

  const winners: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const read = await send(firstUrl, { method: 'GET', path: itemPath });
    const version = read.body.version as number;
    const answers: { message: string; answer: HttpAnswer }[] = await Promise.all(
      Array.from({ length: WRITERS_PER_ROUND }, async (_, writer) => {
        const message = `round ${round} writer ${writer}`;
        const answer = await send(baseUrls[writer % baseUrls.length]!, {
          method: 'PUT',
          path: itemPath,
          headers: { 'if-match': read.etag! },
          json: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { messageToUser: message }),
        });
        return { message, answer };
      }),
    );
    const won = answers.filter(({ answer }) => answer.status === 200);
    const lost = answers.filter(({ answer }) => answer.status !== 200);
    expect(won, `round ${round}: exactly one PUT wins`).toHaveLength(1);
    expect(won[0]!.answer.body).toMatchObject({ version: version + 1, messageToUser: won[0]!.message });
    for (const { answer } of lost) {
      expect(answer.status).toBe(412);
      expect(answer.contentType).toContain('application/problem+json');
      expect(answer.body).toMatchObject({ status: 412, title: 'Precondition Failed' });
    }
    winners.push(won[0]!.message);
  }

  // No update lost: one version per successful PUT, and each revision holds that round's winner.
  const final = await send(firstUrl, { method: 'GET', path: itemPath });
  expect(final.body).toMatchObject({ version: ROUNDS + 1, messageToUser: winners.at(-1) });
  for (const [round, message] of winners.entries()) {
    const revision = await send(firstUrl, { method: 'GET', path: `${itemPath}/revisions/${round + 2}` });
    expect(revision.body.integration.messageToUser).toBe(message);
  }
}

describeEachDatabase('concurrent PUTs with the same If-Match on one server (%s)', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database.target);
  });
  afterAll(async () => {
    await server?.close();
    await database?.destroy();
  });

  it('lets exactly one win per version, answers the others 412, and loses no update', { timeout: 60_000 }, async () => {
    await raceOnOneIntegration([server.baseUrl]);
  });
});

// Two processes need a database server both can reach: PostgreSQL (the embedded database belongs to one process).
if (hasPostgres) {
  describe('concurrent PUTs with the same If-Match on two server processes sharing one PostgreSQL database', () => {
    let database: TestDatabase;
    const servers: ChildServer[] = [];
    beforeAll(async () => {
      database = await createTestDatabase('postgres');
      // Started one after the other: both would otherwise race to apply the migrations.
      servers.push(await startChildServer(database.target, 4410));
      servers.push(await startChildServer(database.target, 4411));
    }, 120_000);
    afterAll(async () => {
      for (const server of servers) await server.stop();
      await database?.destroy();
    });

    it('lets exactly one win per version across processes, answers the others 412, and loses no update', { timeout: 60_000 }, async () => {
      await raceOnOneIntegration(servers.map((server) => server.baseUrl));
    });
  });
}
