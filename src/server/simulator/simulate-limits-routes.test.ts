import { availableParallelism } from 'node:os';
import { beforeEach, expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { SIMULATION_LIMITS } from '../../domain/simulation';
import { describeEachDatabase, useTestServer, type TestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';
import { SIMULATOR_CONCURRENCY } from './sandbox';

/** Polls /api/health while `work` runs; the slowest answer and the highest heap seen tell whether the server stayed free. */
async function watchHealth<T>(
  server: TestServer,
  work: Promise<T>,
): Promise<{ result: T; slowestMs: number; answers: number; peakHeap: number }> {
  let done = false;
  let slowestMs = 0;
  let answers = 0;
  let peakHeap = process.memoryUsage().heapUsed;
  const polling = (async () => {
    while (!done) {
      const started = performance.now();
      const health = await server.request('GET', '/api/health');
      expect(health.status).toBe(200);
      slowestMs = Math.max(slowestMs, performance.now() - started);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      answers += 1;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  const result = await work.finally(() => {
    done = true;
  });
  await polling;
  return { result, slowestMs, answers, peakHeap };
}

const zeros = (count: number) => JSON.stringify(new Array<number>(count).fill(0));
const TEXT = 'x'.repeat(980);

describeEachDatabase('simulator limits over HTTP on %s', (kind) => {
  const server = useTestServer(kind);
  let botId: string;
  beforeEach(async () => {
    botId = await freshBot(server);
  });

  const simulate = (transformScript: string, customDataFields: { key: string; value: string }[], body: string) =>
    server.request('POST', `/api/bots/${botId}/simulate`, {
      body: { sample: { status: 200, body }, integration: anIntegrationInput('API', { name: 'T', transformScript, customDataFields }) },
    });

  it('answers 200 with the output limit reported when [i] multiplies a large sample, and health keeps answering', async () => {
    // The attack of issue 10 at full size (a 520 KB request): each of 20 fields asks for 980 characters per
    // element of a 250,000-element array, 4.9 GB in all. Before, it took the process down with heap out of memory.
    const fields = Array.from({ length: 20 }, (_, index) => ({ key: `f${index}`, value: `${TEXT}{$.api_T[i]}` }));
    // Warmed up first, so that the bound measures the attack, not the first worker's start on a busy machine.
    expect((await simulate('', fields, zeros(3))).status).toBe(200);
    const heapBefore = process.memoryUsage().heapUsed;
    const { result: response, slowestMs, answers, peakHeap } = await watchHealth(server, simulate('', fields, zeros(250_000)));
    expect(response.status).toBe(200);
    expect(response.body.error).toMatchObject({ kind: 'output', message: expect.stringContaining('1 MB') });
    expect(JSON.stringify(response.body).length).toBeLessThan(SIMULATION_LIMITS.outputChars + 64 * 1024);
    const [first, second] = response.body.customDataFields;
    expect(first.value.length).toBeGreaterThan(0);
    expect(first.note).toMatch(/truncated/);
    expect(second.note).toMatch(/output limit/);
    expect(answers).toBeGreaterThan(0);
    expect(slowestMs).toBeLessThan(200);
    expect(peakHeap - heapBefore).toBeLessThan(150 * 1024 * 1024);
  });

  it('answers 200 when the script poisons Object.prototype.toJSON', async () => {
    const response = await simulate(
      "Object.prototype.toJSON = function () {};\nbotContext.setBotVariable('kept', 'yes', false, false);\nbotContext.printDebugMessage('logged');",
      [{ key: 'first', value: '{$.api_T[0]}' }],
      zeros(3),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ botVariables: [{ key: 'kept', value: 'yes' }], debugLog: ['logged'], error: null });
    expect(response.body.customDataFields[0].value).toBe('0');
  });

  it('answers at most 1 MB of UTF-8 in all when the output is multi-byte characters and control characters', async () => {
    // Counted in characters, this run answered about 4 MB: '€' is 3 bytes of UTF-8, and U+0001 is 6 once
    // JSON escapes it (\u0001), in the fields, a variable, the debug log and the messages alike.
    const script = [
      "var r = botContext.getBotVariable('api_T');",
      "r.jsonData = JSON.stringify({ api_T: { control: '\\u0001'.repeat(150000), euro: '€'.repeat(500000) } });",
      "botContext.setBotVariable('api_T', r, true, false);",
      "botContext.setBotVariable('v', '\\u0001'.repeat(200000), false, false);",
      "for (var i = 0; i < 40; i++) botContext.printDebugMessage('\\u0001€'.repeat(4000));",
      "for (var j = 0; j < 40; j++) botContext.sendMessage('€'.repeat(4000));",
    ].join('\n');
    const fields = [
      { key: 'control', value: '{$.api_T.control}' },
      { key: 'euro', value: '{$.api_T.euro}' },
    ];
    const response = await fetch(`${server.baseUrl}/api/bots/${botId}/simulate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        sample: { status: 200, body: '{}' },
        integration: anIntegrationInput('API', { name: 'T', transformScript: script, customDataFields: fields }),
      }),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    const body = JSON.parse(text) as { error: { kind: string }; customDataFields: { value: string | null }[]; debugLog: string[] };
    expect(body.error.kind).toBe('output');
    expect(body.customDataFields[0]!.value!.length).toBeGreaterThan(1000);
    expect(body.debugLog.length).toBeGreaterThan(1);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SIMULATION_LIMITS.outputChars + 16 * 1024);
  });

  it('answers 503 with Retry-After once the simulator queue is full, or a run waited too long, and runs the others', async () => {
    const capacity = SIMULATOR_CONCURRENCY + SIMULATION_LIMITS.queuedRuns;
    const started = performance.now();
    const requests = Array.from({ length: capacity + 4 }, () =>
      simulate('while (true) {}', [], '{}').then((response) => ({ response, ms: performance.now() - started })),
    );
    const answers = await Promise.all(requests);
    const refused = answers.filter(({ response }) => response.status === 503);
    const ran = answers.filter(({ response }) => response.status === 200);
    expect(refused.length + ran.length).toBe(answers.length);
    expect(ran.length).toBeGreaterThanOrEqual(SIMULATOR_CONCURRENCY);
    // The 4 beyond the queue are refused at once, before any run (1 s of CPU at least) has finished.
    const firstRan = Math.min(...ran.map(({ ms }) => ms));
    expect(refused.filter(({ ms }) => ms < firstRan).length).toBeGreaterThanOrEqual(4);
    for (const { response } of refused) {
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(response.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
    }
    for (const { response } of ran) expect(response.body.error).toMatchObject({ kind: 'timeout' });
  });

  it('runs one script per core at a time, and one that waited for a core still gets its whole budget', async () => {
    // Each run spends 60 % of its time budget and says when it ran; the runs that overlapped in time are
    // the runs that shared the machine's cores.
    const window = SIMULATION_LIMITS.cpuMs * 0.6;
    const timed = `var start = Date.now();\nwhile (Date.now() - start < ${window}) {}\nbotContext.setBotVariable('ran', start + ' ' + Date.now(), false, false);`;
    const runs = await Promise.all(Array.from({ length: 2 * SIMULATOR_CONCURRENCY }, () => simulate(timed, [], '{}')));
    const intervals: [number, number][] = [];
    for (const run of runs) {
      if (run.status === 503) {
        expect(Number(run.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        continue;
      }
      expect(run.status).toBe(200);
      // The runs that waited for the first ones to finish were not stopped as a timeout.
      expect(run.body.error).toBeNull();
      const [from, to] = String(run.body.botVariables[0].value).split(' ').map(Number) as [number, number];
      intervals.push([from, to]);
    }
    expect(intervals.length).toBeGreaterThan(SIMULATOR_CONCURRENCY);
    const overlapping = Math.max(...intervals.map(([from]) => intervals.filter(([other, until]) => other <= from && from < until).length));
    expect(overlapping).toBeLessThanOrEqual(availableParallelism());
  });
});
