import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/api-harness';
import { createLiveEngageSkillSource, type SkillSourceTiming } from './liveengage-skills';

// A local stand-in for the Account Config API that counts the calls it gets; `answer` decides what it says.
let fake: Server;
let origin: string;
let calls = 0;
let answer: 'skills' | 'failure' = 'skills';

beforeAll(async () => {
  fake = createServer((_request, response) => {
    calls++;
    // Slow enough that concurrent requests overlap with the call in flight.
    setTimeout(() => {
      if (answer === 'failure') response.writeHead(500).end();
      else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([{ id: 7, name: 'Escalations' }]));
    }, 150);
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  const address = fake.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => fake.close(() => resolve())));
beforeEach(() => {
  calls = 0;
  answer = 'skills';
});

const settings = () => ({ accountId: '123456', accessToken: 'token', domain: origin });

describe('the LiveEngage skill source', () => {
  const timing: SkillSourceTiming = { freshMs: 60_000, backoffMs: 1_000, maxBackoffMs: 4_000, staleMs: 600_000 };
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('asks once for concurrent requests, then serves the list until it is no longer fresh', async () => {
    const source = createLiveEngageSkillSource(settings(), timing, fetch, now);
    const lists = await Promise.all(Array.from({ length: 20 }, () => source()));
    expect(lists.every((list) => list.length === 1)).toBe(true);
    expect(calls).toBe(1);
    clock += timing.freshMs;
    await source();
    expect(calls).toBe(1);
    clock += 1;
    await source();
    expect(calls).toBe(2);
  });

  it('backs off after a failure, doubling the wait up to the maximum, and recovers', async () => {
    answer = 'failure';
    const source = createLiveEngageSkillSource(settings(), timing, fetch, now);
    const first = await Promise.allSettled(Array.from({ length: 10 }, () => source()));
    expect(first.every((result) => result.status === 'rejected' && (result.reason as { kind: string }).kind === 'upstream')).toBe(true);
    expect(calls).toBe(1);
    await expect(source()).rejects.toMatchObject({ kind: 'upstream' });
    expect(calls).toBe(1);

    // Waits of 1 s, 2 s, 4 s, then 4 s again: upstream is asked only when each has passed.
    for (const [wait, expectedCalls] of [
      [1_000, 2],
      [2_000, 3],
      [4_000, 4],
      [4_000, 5],
    ] as const) {
      clock += wait - 1;
      await expect(source()).rejects.toMatchObject({ kind: 'upstream' });
      expect(calls).toBe(expectedCalls - 1);
      clock += 1;
      await expect(source()).rejects.toMatchObject({ kind: 'upstream' });
      expect(calls).toBe(expectedCalls);
    }

    answer = 'skills';
    clock += 4_000;
    expect(await source()).toEqual([{ id: '7', name: 'Escalations' }]);
    expect(calls).toBe(6);
  });

  it('serves the last good list while upstream fails, without asking it during the back-off', async () => {
    const source = createLiveEngageSkillSource(settings(), timing, fetch, now);
    await source();
    answer = 'failure';
    clock += timing.freshMs + 1;
    expect(await source()).toEqual([{ id: '7', name: 'Escalations' }]);
    expect(calls).toBe(2);
    expect(await source()).toEqual([{ id: '7', name: 'Escalations' }]);
    expect(calls).toBe(2);
    clock += timing.staleMs;
    await expect(source()).rejects.toMatchObject({ kind: 'upstream' });
  });
});

describe('GET /api/skills read from LiveEngage', () => {
  it('makes one upstream call for many concurrent requests, whether upstream answers or fails', async () => {
    const server = await startTestServer({ kind: 'pglite', dataDir: null }, { liveEngage: settings() });
    try {
      const ok = await Promise.all(Array.from({ length: 20 }, () => server.request('GET', '/api/skills')));
      expect(ok.map((response) => response.status)).toEqual(Array(20).fill(200));
      expect(calls).toBe(1);
    } finally {
      await server.close();
    }

    calls = 0;
    answer = 'failure';
    const failing = await startTestServer({ kind: 'pglite', dataDir: null }, { liveEngage: settings() });
    try {
      const refused = await Promise.all(Array.from({ length: 20 }, () => failing.request('GET', '/api/skills')));
      expect(refused.map((response) => response.status)).toEqual(Array(20).fill(502));
      expect(calls).toBe(1);
    } finally {
      await failing.close();
    }
  });
});
