/**
 * Runs simulations in worker threads, one fresh worker per run, so that a script that loops or
 * thrashes memory, or Custom Data Fields that expand into gigabytes, block only their own thread: the
 * host ends it with `terminate()` on a wall-clock deadline, and the worker's heap is limited. Two
 * workers are kept started ahead so a run does not wait for QuickJS to load. Runs beyond
 * `maxConcurrent` (one per core) wait in a queue of `maxQueued`; beyond that `run` refuses at once, and a
 * run still waiting after `maxWaitMs` is refused then (SandboxBusyError), so a run is never slowed down by
 * others sharing its core: a script's time budget only ever counts the time it had a core to itself.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SimulateRequestValues, SimulationOutput } from '../../domain/simulation';
import { SIMULATION_LIMITS } from '../../domain/simulation-limits';
import { DEFAULT_RUN_LIMITS, type RunLimits } from './simulation-errors';
import type { SimulatedIntegration, SimulationJob } from './simulation-run';
import { simulationWorkerUrl } from './worker-script';

export type SandboxOutcome =
  { kind: 'finished'; output: SimulationOutput } | { kind: 'killed'; reason: 'deadline' | 'memory' | 'crashed'; detail: string };

interface SandboxOptions extends Partial<Omit<RunLimits, 'caps'>> {
  caps?: Partial<RunLimits['caps']>;
  /** Runs at the same time (each worker holds up to ~100 MB). */
  maxConcurrent?: number;
  /** Runs that may wait for a free slot; more are refused. */
  maxQueued?: number;
  /** How long a run may wait for a free slot before it is refused. */
  maxWaitMs?: number;
}

/**
 * Runs at the same time: one per core of this machine. The script's budget is wall-clock time in its
 * worker, so a run sharing a core with another would be stopped as a `timeout` it did not cause.
 */
export const SIMULATOR_CONCURRENCY = availableParallelism();

export interface Sandbox {
  readonly limits: RunLimits;
  /** Runs in progress and waiting for a slot now, with the sizes they are held to (for /api/metrics). */
  load(): { running: number; queued: number; maxConcurrent: number; maxQueued: number };
  run(integration: SimulatedIntegration, request: SimulateRequestValues): Promise<SandboxOutcome>;
  close(): Promise<void>;
}

/** Every slot and queue place is taken: the caller answers 503 with Retry-After. */
export class SandboxBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('the simulator is busy');
  }
}

const STARTUP_TIMEOUT_MS = 15_000;
// The script's memory is QuickJS's WebAssembly memory; this heap holds the worker's glue, the result
// parsed for the Custom Data Fields (at most jsonDataChars of JSON) and the capped output.
const WORKER_HEAP_MB = 96;
// Two started ahead, so that a second run arriving while one runs does not wait for QuickJS to load either.
const SPARE_WORKERS = 2;

interface WorkerMessage {
  type: 'ready' | 'done';
  output?: SimulationOutput | null;
  failure?: string | null;
}

async function startWorker(): Promise<Worker> {
  const url = await simulationWorkerUrl();
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.unref();
    const timer = setTimeout(() => fail(new Error('the simulation worker did not start in time')), STARTUP_TIMEOUT_MS);
    function cleanup() {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', fail);
      worker.off('exit', onExit);
    }
    function fail(error: Error) {
      cleanup();
      void worker.terminate();
      reject(error);
    }
    function onMessage(message: WorkerMessage) {
      if (message.type !== 'ready') return;
      cleanup();
      resolve(worker);
    }
    function onExit(code: number) {
      fail(new Error(`the simulation worker exited while starting (code ${code})`));
    }
    worker.on('message', onMessage);
    worker.once('error', fail);
    worker.once('exit', onExit);
  });
}

function runOn(worker: Worker, job: SimulationJob): Promise<SandboxOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(
      () => finish({ kind: 'killed', reason: 'deadline', detail: `${job.limits.wallClockMs} ms` }),
      job.limits.wallClockMs,
    );
    function finish(outcome: SandboxOutcome) {
      clearTimeout(timer);
      worker.removeAllListeners();
      // Every worker runs one job: the next run gets a fresh QuickJS whatever this one left behind.
      void worker.terminate();
      resolve(outcome);
    }
    worker.on('message', (message: WorkerMessage) => {
      if (message.type !== 'done') return;
      finish(
        message.output
          ? { kind: 'finished', output: message.output }
          : { kind: 'killed', reason: 'crashed', detail: message.failure ?? 'no output' },
      );
    });
    worker.on('error', (error: Error & { code?: string }) =>
      finish({ kind: 'killed', reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed', detail: error.message }),
    );
    worker.on('exit', (code: number) => finish({ kind: 'killed', reason: 'crashed', detail: `exit code ${code}` }));
    worker.postMessage(job);
  });
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const {
    caps,
    maxConcurrent = SIMULATOR_CONCURRENCY,
    maxQueued = SIMULATION_LIMITS.queuedRuns,
    maxWaitMs = SIMULATION_LIMITS.queueWaitMs,
    ...overrides
  } = options;
  const limits: RunLimits = { ...DEFAULT_RUN_LIMITS, ...overrides, caps: { ...DEFAULT_RUN_LIMITS.caps, ...caps } };
  const spares: Promise<Worker>[] = [];
  let closed = false;
  let running = 0;
  const waiting: (() => void)[] = [];

  function prepareSpares() {
    while (!closed && spares.length < SPARE_WORKERS) {
      const spare = startWorker();
      spares.push(spare);
      // A spare that fails to start is dropped; the next run starts its own and reports the failure.
      spare.catch(() => {
        const index = spares.indexOf(spare);
        if (index >= 0) spares.splice(index, 1);
      });
    }
  }

  async function takeWorker(): Promise<Worker> {
    const ready = spares.shift() ?? startWorker();
    prepareSpares();
    return ready;
  }

  // Everyone ahead finishes within a wall-clock deadline (plus a worker start) per round of slots.
  const busy = () => {
    const rounds = Math.ceil((waiting.length + 1) / maxConcurrent);
    return new SandboxBusyError(Math.max(1, Math.ceil((rounds * (limits.wallClockMs + 250)) / 1000)));
  };

  async function acquire() {
    if (running < maxConcurrent) {
      running += 1;
      return;
    }
    if (waiting.length >= maxQueued) throw busy();
    await new Promise<void>((resolve, reject) => {
      const admit = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const index = waiting.indexOf(admit);
        if (index >= 0) waiting.splice(index, 1);
        reject(busy());
      }, maxWaitMs);
      waiting.push(admit);
    });
  }

  function release() {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }

  prepareSpares();
  return {
    limits,
    load: () => ({ running, queued: waiting.length, maxConcurrent, maxQueued }),
    async run(integration, request) {
      if (closed) throw new Error('the sandbox is closed');
      await acquire();
      try {
        let worker: Worker;
        try {
          worker = await takeWorker();
        } catch (error) {
          return { kind: 'killed', reason: 'crashed', detail: (error as Error).message };
        }
        return await runOn(worker, { integration, request, limits });
      } finally {
        release();
      }
    },
    async close() {
      closed = true;
      const pending = spares.splice(0);
      await Promise.all(pending.map((spare) => spare.then((worker) => worker.terminate()).catch(() => undefined)));
    },
  };
}
