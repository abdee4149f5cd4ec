import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, startTestServer, type TestDatabase, type TestServer } from '../testing/api-harness';
import { command } from './fuzz-commands';
import { plan, type LaneModel } from './fuzz-model';
import { inParallel, send, type HttpAnswer } from './http';

// Fixed, so a failure is reproducible: FUZZ_SEED=<the printed seed> reruns exactly the same requests.
const SEED = Number(process.env.FUZZ_SEED ?? 61_2024);
const REQUESTS = 10_000;
const LANES = 8;

function expectProblem(answer: HttpAnswer, what: string, method: string) {
  expect(answer.contentType, `${what}: a ${answer.status} must be problem+json`).toContain('application/problem+json');
  if (method === 'HEAD') return; // the headers of the GET, without its body
  expect(answer.body, `${what}: RFC 9457 fields`).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status: answer.status,
    detail: expect.any(String),
  });
  if (answer.body.errors !== undefined) {
    for (const message of Object.values(answer.body.errors))
      expect(typeof message, `${what}: errors map fields to messages`).toBe('string');
  }
}

async function listAll(server: TestServer, path: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const page: HttpAnswer = await send(server.baseUrl, {
      method: 'GET',
      path: `${path}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    });
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

describeEachDatabase('fuzzing the API over HTTP (%s)', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database.target, { enableTestApi: false, logLevel: process.env.FUZZ_LOG ?? 'silent' });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database?.destroy();
  }, 120_000);

  it(
    `answers ${REQUESTS} generated requests without a 5xx, as problem+json when refused, and stores exactly what it acknowledged`,
    { timeout: 300_000 },
    async () => {
      const perLane = REQUESTS / LANES;
      const lanes = await Promise.all(
        Array.from({ length: LANES }, async (_, lane) => {
          const bot = await send(server.baseUrl, { method: 'POST', path: '/api/bots', json: { name: `Lane ${lane}` } });
          const model: LaneModel = { bot: bot.body, integrations: new Map(), otherBots: new Map() };
          return { model, commands: fc.sample(command, { seed: SEED + lane, numRuns: perLane }) };
        }),
      );

      let sent = 0;
      let failed = false;
      try {
        // One request at a time per lane (its model must see each answer), the lanes side by side.
        await inParallel(lanes, LANES, async ({ model, commands }) => {
          for (const [index, cmd] of commands.entries()) {
            if (failed) return;
            const step = plan(model, cmd);
            const what = `${step.call.method} ${step.call.path.slice(0, 120)} (${cmd.op} #${index})`;
            const answer = await send(server.baseUrl, step.call);
            sent++;
            expect(answer.status, `${what} with ${JSON.stringify(step.call.headers ?? {})} ${step.call.raw?.slice(0, 600)}`).toBeLessThan(
              500,
            );
            if (answer.status >= 400) expectProblem(answer, what, step.call.method);
            expect(
              step.expected,
              `${what} with ${JSON.stringify(step.call.headers ?? {})} ${step.call.raw?.slice(0, 300)} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 400)}`,
            ).toContain(answer.status);
            if (answer.status < 300) step.apply?.(answer);
          }
        });
      } catch (error) {
        failed = true;
        // The seed is all it takes to replay the very same requests.
        console.error(`fuzz failed after ${sent} requests; rerun with FUZZ_SEED=${SEED}`);
        throw error;
      }
      expect(sent).toBe(REQUESTS);

      // The database holds exactly the acknowledged writes: the bots, and each lane's integrations in full.
      const expectedBots = lanes.flatMap(({ model }) => [model.bot, ...model.otherBots.values()]);
      const storedBots = await listAll(server, '/api/bots');
      expect(new Map(storedBots.map((bot) => [bot.id, bot]))).toEqual(new Map(expectedBots.map((bot) => [bot.id, bot])));
      for (const { model } of lanes) {
        const summaries = await listAll(server, `/api/bots/${model.bot.id}/integrations`);
        expect(summaries.map((item) => item.id).sort()).toEqual([...model.integrations.keys()].sort());
        await inParallel([...model.integrations.values()], 4, async (stored) => {
          const read = await send(server.baseUrl, { method: 'GET', path: `/api/bots/${model.bot.id}/integrations/${stored.id}` });
          expect(read.body).toEqual(stored);
        });
      }
    },
  );
});
