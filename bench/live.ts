import { request, type ClientRequest } from 'node:http';
import type { Browser } from '@playwright/test';
import { measureSaves, type BrowserSettings, type Save } from './browser';
import type { BenchDatabase } from './databases';
import type { DemoServer } from './demo-server';
import { runLoad } from './load';
import { withRatio, type Figure } from './report';
import { seedApiBot } from './seed';
import { rssMegabytes, startServer, waitUntilIdle } from './server-process';
import { median, sleep } from './stats';

// Issue 27's costs of being live, each against the same work without it, in the same run.

export interface LiveSettings {
  saves: BrowserSettings;
  /** Event streams held open on one server. */
  streams: number;
  /** Seconds of GET load per repetition, with and without the streams. */
  loadSeconds: number;
  repetitions: number;
}

export interface LiveSaves {
  withStream: Save[];
  withoutStream: Save[];
}

/** Saves with the page's event stream open (as the app runs) and with it never opened, visits alternating. */
export async function measureLiveSaves(browser: Browser, server: DemoServer, settings: BrowserSettings): Promise<LiveSaves> {
  const withStream: Save[] = [];
  const withoutStream: Save[] = [];
  for (let index = 0; index < settings.visits; index += 1) {
    // Order swapped every visit, so a busy moment lands on both alike.
    for (const stream of index % 2 === 0 ? [true, false] : [false, true]) {
      const saves = await measureSaves(
        browser,
        server,
        { visits: 1, savesPerVisit: settings.savesPerVisit },
        { eventStream: stream, warm: index === 0 },
      );
      (stream ? withStream : withoutStream).push(...saves);
    }
  }
  return { withStream, withoutStream };
}

interface HeldStreams {
  close(): void;
}

/** Opens `count` event streams on the bot, each on a connection of its own, and waits for each to answer 200. */
async function holdStreams(baseUrl: string, botId: string, count: number): Promise<HeldStreams> {
  const requests: ClientRequest[] = [];
  const opened = Array.from(
    { length: count },
    (_, index) =>
      new Promise<void>((resolve, reject) => {
        const req = request(`${baseUrl}/api/bots/${botId}/events?tab=bench-${index}`, {
          agent: false,
          headers: { accept: 'text/event-stream' },
        });
        req.on('response', (response) => {
          if (response.statusCode !== 200) reject(new Error(`stream ${index} answered ${response.statusCode}`));
          // Read what comes (heartbeats, presence), as a browser does.
          response.resume();
          resolve();
        });
        req.on('error', reject);
        req.end();
        requests.push(req);
      }),
  );
  try {
    await Promise.all(opened);
  } catch (error) {
    for (const req of requests) req.destroy();
    throw error;
  }
  return { close: () => requests.forEach((req) => req.destroy()) };
}

export interface LiveStreams {
  label: string;
  streams: number;
  /** Server RSS with no stream, then with the streams open (MB), each repetition. */
  rssWithout: number[];
  rssWith: number[];
  /** GET list throughput (2xx per second) without and with the streams, each repetition. */
  rpsWithout: number[];
  rpsWith: number[];
}

/** One server: GET throughput and RSS with no stream and with `streams` open, alternating. */
export async function measureLiveStreams(database: BenchDatabase, settings: LiveSettings): Promise<LiveStreams> {
  const server = await startServer(database.target);
  try {
    const bot = await seedApiBot(server.baseUrl);
    await waitUntilIdle(server.pid);
    await runLoad(server.baseUrl, bot, 'get-list', 1); // warm: not counted
    const result: LiveStreams = {
      label: database.label,
      streams: settings.streams,
      rssWithout: [],
      rssWith: [],
      rpsWithout: [],
      rpsWith: [],
    };
    for (let index = 0; index < settings.repetitions; index += 1) {
      const without = async () => {
        await sleep(500);
        result.rssWithout.push(rssMegabytes(server.pid));
        result.rpsWithout.push((await runLoad(server.baseUrl, bot, 'get-list', settings.loadSeconds)).rps);
      };
      const withStreams = async () => {
        const held = await holdStreams(server.baseUrl, bot.botId, settings.streams);
        try {
          await sleep(500);
          result.rssWith.push(rssMegabytes(server.pid));
          result.rpsWith.push((await runLoad(server.baseUrl, bot, 'get-list', settings.loadSeconds)).rps);
        } finally {
          held.close();
        }
      };
      for (const run of index % 2 === 0 ? [without, withStreams] : [withStreams, without]) await run();
    }
    return result;
  } finally {
    await server.stop();
  }
}

const savedMs = (saves: Save[]) => median(saves.map((save) => save.saved));

export function liveFigures(saves: LiveSaves | null, streams: LiveStreams[]): Figure[] {
  const figures: Figure[] = [];
  if (saves)
    figures.push(
      withRatio({
        group: 'live',
        name: 'click Save → "Saved" with the event stream open (median)',
        value: savedMs(saves.withStream),
        unit: 'ms',
        reference: { label: 'the same saves without the stream', value: savedMs(saves.withoutStream) },
        goal: { on: 'ratio', op: '<=', limit: 1.1 },
        note: `${saves.withStream.length} saves each way`,
        samples: saves.withStream.map((save) => save.saved),
      }),
    );
  for (const measured of streams) {
    const group = `live ${measured.label}`;
    const rssGrowth = measured.rssWith.map((rss, index) => rss - (measured.rssWithout[index] ?? Number.NaN));
    figures.push(
      {
        group,
        name: `server RSS added by ${measured.streams} open event streams`,
        value: median(rssGrowth),
        unit: 'MB',
        goal: { on: 'value', op: '<=', limit: 50 },
        note: `RSS ${measured.rssWithout.map(Math.round).join(' / ')} MB without, ${measured.rssWith.map(Math.round).join(' / ')} MB with`,
        samples: rssGrowth,
      },
      withRatio({
        group,
        name: `GET a list of 100 with ${measured.streams} event streams open`,
        value: median(measured.rpsWith),
        unit: 'req/s',
        reference: { label: 'the same load without streams', value: median(measured.rpsWithout) },
        goal: { on: 'ratio', op: '>=', limit: 0.9 },
        samples: measured.rpsWith,
      }),
    );
  }
  return figures;
}
