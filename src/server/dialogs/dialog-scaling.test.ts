import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { MAX_DIALOGS_PER_BOT } from '../../domain/limits';
import { expect, it } from 'vitest';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { bigBotExport } from './testing/big-bot';

/*
 * Reads of an imported bot's dialogs cost in proportion to its size: 20 times the dialogs may cost at most
 * 25 times the time (measured in the same run, so the machine's speed cancels out).
 */

const SMALL = 240;
const LARGE = SMALL * 20;

async function importBot(baseUrl: string, copies: number) {
  const response = await fetch(`${baseUrl}/api/bots/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: bigBotExport(copies),
  });
  const body = (await response.json()) as { bot: { id: string }; integrations: Array<{ id: string; name: string }> };
  expect(response.status, JSON.stringify(body).slice(0, 500)).toBe(201);
  return { botId: body.bot.id, orderLookup: body.integrations.find((item) => item.name === 'OrderLookup')!.id };
}

/** The reads a bot's dialogs go through, each answered in full. */
const reads = (bot: { botId: string; orderLookup: string }) => [
  `/api/bots/${bot.botId}/dialogs`,
  `/api/bots/${bot.botId}/checks`,
  `/api/bots/${bot.botId}/integrations/${bot.orderLookup}/usages`,
];

async function timeMs(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  expect(response.status).toBe(200);
  return performance.now() - started;
}

/** Median times of one read of each, taken in turns so that a busy moment of the machine falls on both. */
async function medianPair(small: string, large: string, runs = 7): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  await timeMs(small);
  await timeMs(large);
  for (let run = 0; run < runs; run += 1) {
    times[0].push(await timeMs(small));
    times[1].push(await timeMs(large));
  }
  const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  return [median(times[0]), median(times[1])];
}

describeEachDatabase('dialog reads at scale on %s', (kind) => {
  const server = useTestServer(kind);

  it(`cost at most 25 times as much at ${LARGE} dialogs as at ${SMALL}`, async () => {
    const small = await importBot(server.baseUrl, SMALL);
    const large = await importBot(server.baseUrl, LARGE);
    const largeReads = reads(large);
    // For the dialogs of the big bot, one read is its first page: each page reads the bot once, as every read does.
    for (const [index, path] of reads(small).entries()) {
      const [smallMs, largeMs] = await medianPair(server.baseUrl + path, server.baseUrl + largeReads[index]!);
      const label = `${path.replace(small.botId, ':botId')}: ${smallMs.toFixed(1)} ms → ${largeMs.toFixed(1)} ms`;
      expect(largeMs / smallMs, label).toBeLessThan(25);
    }
    // A small bot's dialogs come in one answer as before; a big one's in pages that add up to all of them.
    const whole = await server.request('GET', `/api/bots/${small.botId}/dialogs`);
    expect(whole.body.items).toHaveLength(SMALL + 4);
    expect(whole.body).not.toHaveProperty('nextCursor');
    let pages = 0;
    const seen = new Set<string>();
    for (let cursor: string | undefined = ''; cursor !== undefined; pages += 1) {
      const page: { body: { items: Array<{ id: string }>; nextCursor?: string } } = await server.request(
        'GET',
        `/api/bots/${large.botId}/dialogs${cursor ? `?cursor=${cursor}` : ''}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(1_000);
      for (const dialog of page.body.items) seen.add(dialog.id);
      cursor = page.body.nextCursor;
    }
    expect([pages, seen.size]).toEqual([5, LARGE + 4]);
    expect((await server.request('GET', `/api/bots/${large.botId}/dialogs?cursor=bm9wZQ`)).status).toBe(400);
  }, 240_000);

  it('keeps only the interactions a rename rewrote in the bot history', async () => {
    const bot = await importBot(server.baseUrl, LARGE);
    const url = `/api/bots/${bot.botId}/integrations/${bot.orderLookup}`;
    for (let round = 0; round < 10; round += 1) {
      const current = await server.request('GET', url);
      const renamed = await server.request('POST', `${url}/rename`, {
        headers: { 'if-match': current.headers.get('etag')! },
        body: { name: round % 2 === 0 ? 'OrderFinder' : 'OrderLookup' },
      });
      expect(renamed.status, JSON.stringify(renamed.body).slice(0, 300)).toBe(200);
    }
    expect((await server.request('GET', `/api/bots/${bot.botId}/revisions`)).body.items).toHaveLength(10);
    const stored = await server.database.db.execute(
      sql`select sum(octet_length(snapshot::text))::int as bytes from bot_revisions where bot_id = ${bot.botId}`,
    );
    const [{ bytes }] = ((stored as unknown as { rows?: unknown[] }).rows ?? stored) as [{ bytes: number }];
    // Each revision held the whole dialogs (6.8 MB here); a rename rewrites a few interactions.
    expect(bytes).toBeLessThan(100_000);
  }, 240_000);

  it('refuses an import of more dialogs than a bot may hold with 413, on the dry run too', async () => {
    const response = await fetch(`${server.baseUrl}/api/bots/import?dryRun=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bigBotExport(MAX_DIALOGS_PER_BOT),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { detail: string }).detail).toContain('5,004 dialogs');
  });
});
