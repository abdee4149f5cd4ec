import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../testing/api-harness';

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

describe('GET /api/skills read from the Account Config API', () => {
  it('makes one upstream call for many concurrent requests, whether upstream answers or fails', async () => {
    const server = await startTestServer({ kind: 'pglite', dataDir: null }, { livePersonDirectories: { skills: settings() } });
    try {
      const ok = await Promise.all(Array.from({ length: 20 }, () => server.request('GET', '/api/skills')));
      expect(ok.map((response) => response.status)).toEqual(Array(20).fill(200));
      expect(calls).toBe(1);
    } finally {
      await server.close();
    }

    calls = 0;
    answer = 'failure';
    const failing = await startTestServer({ kind: 'pglite', dataDir: null }, { livePersonDirectories: { skills: settings() } });
    try {
      const refused = await Promise.all(Array.from({ length: 20 }, () => failing.request('GET', '/api/skills')));
      expect(refused.map((response) => response.status)).toEqual(Array(20).fill(502));
      expect(calls).toBe(1);
    } finally {
      await failing.close();
    }
  });
});
