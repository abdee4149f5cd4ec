import autocannon, { type AutocannonOptions, type AutocannonRequest, type AutocannonResult } from 'autocannon';
import { escalation, listIntegrations, type SeededBot, type SeededIntegration } from './seed';

export type Operation = 'get-one' | 'get-list' | 'put-one';

export const OPERATIONS: Array<{ operation: Operation; title: string }> = [
  { operation: 'get-one', title: 'GET one integration' },
  { operation: 'get-list', title: 'GET a list of 100' },
  { operation: 'put-one', title: 'PUT one integration (If-Match)' },
];

/** Concurrent clients: enough to keep a 2-core server busy without measuring only queueing. */
export const CONNECTIONS = 10;
const LIST_SIZE = 100;

export interface LoadResult {
  /** Successful (2xx) responses per second: failures never count as throughput. */
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  /** Stale If-Match answers; the PUT load keeps each connection on its own integration, so any is a finding. */
  status412: number;
  /** Other non-2xx answers, socket errors and timeouts. */
  failures: number;
  /** Every 2xx answer's latency in ms: a p99 over several runs pooled has more than one run's few samples. */
  latencies: number[];
}

export const integrationPath = (botId: string, id: string) => `/api/bots/${botId}/integrations/${id}`;
const listPath = (botId: string) => `/api/bots/${botId}/integrations?limit=${LIST_SIZE}`;

/** The integrations the PUT load writes: never the one GET reads, so its size stays put. */
export const putTargets = (bot: SeededBot): SeededIntegration[] => bot.integrations.slice(1);

function putBody(integration: SeededIntegration, counter: number): string {
  return JSON.stringify({ ...escalation(integration.name), messageToUser: `Hold on, connecting you with an agent (${counter}).` });
}

const versionOf = (etag: string | string[] | undefined) => Number(/"(\d+)"/.exec(String(etag ?? ''))?.[1] ?? Number.NaN);

/**
 * PUTs where every request carries the current ETag: a request takes an integration no other
 * connection is writing, and its answer's ETag becomes that integration's next If-Match.
 */
function putRequests(bot: SeededBot): AutocannonRequest[] {
  const targets = putTargets(bot);
  const busy = new Set<number>();
  let cursor = 0;
  let counter = 0;
  return [
    {
      setupRequest(request, context) {
        let slot = -1;
        for (let step = 0; step < targets.length && slot < 0; step += 1) {
          const candidate = (cursor + step) % targets.length;
          if (!busy.has(candidate)) slot = candidate;
        }
        if (slot < 0) slot = cursor % targets.length; // more connections than integrations: a 412 will show it
        cursor = slot + 1;
        busy.add(slot);
        context.slot = slot;
        const target = targets[slot]!;
        counter += 1;
        return {
          ...request,
          method: 'PUT',
          path: integrationPath(bot.botId, target.id),
          headers: { 'content-type': 'application/json', 'if-match': `"${target.version}"` },
          body: putBody(target, counter),
        };
      },
      onResponse(status, _body, context, headers) {
        const slot = context.slot as number;
        busy.delete(slot);
        const version = versionOf(headers.etag);
        if ((status === 200 || status === 412) && Number.isFinite(version)) targets[slot]!.version = version;
      },
    },
  ];
}

function summarize(result: AutocannonResult, latencies: number[]): LoadResult {
  const status412 = result.statusCodeStats['412']?.count ?? 0;
  return {
    rps: result['2xx'] / result.duration,
    // No answer in time is no latency to compare: NaN fails the budget instead of passing as 0 ms.
    p50: result['2xx'] ? result.latency.p50 : Number.NaN,
    p99: result['2xx'] ? result.latency.p99 : Number.NaN,
    ok: result['2xx'],
    status412,
    failures: result.non2xx - status412 + result.errors + result.timeouts,
    latencies,
  };
}

/** One autocannon run, keeping each 2xx answer's latency as it arrives. */
export async function load(options: AutocannonOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const run = autocannon(options);
  run.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  return summarize(await run, latencies);
}

/** One autocannon run of `seconds` against a running server (the app or the bare reference). */
export async function runLoad(baseUrl: string, bot: SeededBot, operation: Operation, seconds: number): Promise<LoadResult> {
  const common = { url: baseUrl, connections: CONNECTIONS, duration: seconds, timeout: 10 };
  if (operation === 'get-one') return load({ ...common, url: baseUrl + integrationPath(bot.botId, bot.integrations[0]!.id) });
  if (operation === 'get-list') return load({ ...common, url: baseUrl + listPath(bot.botId) });
  // A run can end with PUTs in flight whose answers were never read: start from the stored versions.
  const fresh = new Map((await listIntegrations(baseUrl, bot.botId, 500)).map((item) => [item.id, item.version]));
  for (const target of putTargets(bot)) target.version = fresh.get(target.id) ?? target.version;
  return load({ ...common, requests: putRequests(bot) });
}
