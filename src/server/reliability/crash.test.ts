import { afterAll, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../testing/api-harness';

import { startChildServer, type ChildServer } from './child-server';
import { send } from './http';

// Child servers listen on ports of their own (4400-4499 is this suite's range), one pair per database kind.
const PORTS = { pglite: [4401, 4402], postgres: [4403, 4404] } as const;
const WRITERS = 4;
const ACKS_BEFORE_KILL = 80;

type Stored = Record<string, unknown> & { id: string; name: string; version: number; messageToUser: string };

/** What one integration may look like after the crash: its last acknowledged state, or the write in flight. */
interface Expected {
  acknowledged: Stored | null;
  inFlight: { version: number; messageToUser: string } | null;
}

describeEachDatabase('a server killed with SIGKILL mid-stream (%s)', (kind) => {
  let database: TestDatabase;
  const servers: ChildServer[] = [];

  afterAll(async () => {
    for (const server of servers) await server.kill();
    await database?.destroy();
  });

  it('keeps every acknowledged write after a restart, and shows no half-write', { timeout: 120_000 }, async () => {
    database = await createTestDatabase(kind);
    const first = await startChildServer(database.target, PORTS[kind][0]);
    servers.push(first);
    const bot = await send(first.baseUrl, { method: 'POST', path: '/api/bots', json: { name: 'Crash Bot' } });
    expect(bot.status).toBe(201);
    const botPath = `/api/bots/${bot.body.id}/integrations`;

    const byName = new Map<string, Expected>();
    let acks = 0;
    let killed = false;

    // Each writer creates an integration, then saves it twice more, one request at a time, until the server dies.
    async function writer(lane: number) {
      for (let n = 0; !killed; n++) {
        const name = `W${lane}_${n}`;
        const expected: Expected = { acknowledged: null, inFlight: { version: 1, messageToUser: `${name} v1` } };
        byName.set(name, expected);
        const created = await send(first.baseUrl, {
          method: 'POST',
          path: botPath,
          json: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name, responseDataVariable: name, messageToUser: `${name} v1` }),
        });
        if (created.status !== 201) throw new Error(`create ${name}: ${created.status} ${JSON.stringify(created.body)}`);
        expected.acknowledged = created.body;
        expected.inFlight = null;
        acks++;
        for (let version = 2; version <= 3 && !killed; version++) {
          const messageToUser = `${name} v${version}`;
          expected.inFlight = { version, messageToUser };
          const saved = await send(first.baseUrl, {
            method: 'PUT',
            path: `${botPath}/${created.body.id}`,
            headers: { 'if-match': `"${version - 1}"` },
            json: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION', { name, responseDataVariable: name, messageToUser }),
          });
          if (saved.status !== 200) throw new Error(`save ${name}: ${saved.status} ${JSON.stringify(saved.body)}`);
          expected.acknowledged = saved.body;
          expected.inFlight = null;
          acks++;
        }
      }
    }

    const writers = Array.from({ length: WRITERS }, (_, lane) =>
      writer(lane).catch((error: unknown) => {
        // After the kill, requests in flight fail with a network error: that is the point.
        if (!killed) throw error;
      }),
    );
    const killer = (async () => {
      const deadline = Date.now() + 60_000;
      while (acks < ACKS_BEFORE_KILL && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
      killed = true;
      await first.kill();
    })();
    await Promise.all([killer, ...writers]);
    expect(acks).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    const second = await startChildServer(database.target, PORTS[kind][1]);
    servers.push(second);
    const list = await send(second.baseUrl, { method: 'GET', path: `${botPath}?limit=500` });
    expect(list.status).toBe(200);
    const stored = new Map<string, { id: string }>(list.body.items.map((item: { name: string; id: string }) => [item.name, item]));

    for (const [name, expected] of byName) {
      const summary = stored.get(name);
      if (!summary) {
        // Only a create that was never acknowledged may be missing.
        expect(expected.acknowledged, `acknowledged integration ${name} is lost`).toBeNull();
        continue;
      }
      const read = await send(second.baseUrl, { method: 'GET', path: `${botPath}/${summary.id}` });
      expect(read.status).toBe(200);
      const current = read.body as Stored;
      const isAcknowledged = expected.acknowledged !== null && current.version === expected.acknowledged.version;
      if (isAcknowledged) {
        expect(current, `${name} differs from what was acknowledged`).toEqual(expected.acknowledged);
      } else {
        // The write in flight at the kill either committed whole or not at all.
        expect(expected.inFlight, `${name} is at version ${current.version}, which nobody wrote`).not.toBeNull();
        expect(current).toMatchObject({ version: expected.inFlight!.version, messageToUser: expected.inFlight!.messageToUser });
      }
      // Each save is one transaction with its revision: the history runs 1..version without a gap.
      const history = await send(second.baseUrl, { method: 'GET', path: `${botPath}/${summary.id}/revisions` });
      const versions = (history.body.items as { version: number }[]).map((item) => item.version).sort((a, b) => a - b);
      expect(versions).toEqual(Array.from({ length: current.version }, (_, index) => index + 1));
    }
    // Nothing appeared that no writer sent.
    for (const name of stored.keys()) expect(byName.has(name), `unexpected integration ${name}`).toBe(true);
  });
});
