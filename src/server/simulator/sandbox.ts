/**
 * Runs JavaScript in QuickJS inside a worker thread, one fresh worker per run, so that a script
 * that loops or thrashes memory blocks only its own thread, and the host ends it with `terminate()`
 * on a wall-clock deadline. One worker is kept started ahead so a run does not wait for QuickJS to load.
 */
import { Worker } from 'node:worker_threads';
import { SIMULATION_LIMITS } from '../../domain/simulation';

export interface ThrownError {
  name: string;
  message: string;
  stack: string;
}

export type SandboxOutcome =
  | { kind: 'finished'; collected: string | null; error: ThrownError | null }
  | { kind: 'killed'; reason: 'deadline' | 'crashed'; detail: string };

export interface SandboxJob {
  prelude: string;
  script: string;
  filename: string;
}

export interface SandboxOptions {
  cpuMs?: number;
  memoryBytes?: number;
  wallClockMs?: number;
  /** Runs at the same time; more wait their turn (each worker holds up to ~50 MB). */
  maxConcurrent?: number;
}

export interface Sandbox {
  run(job: SandboxJob): Promise<SandboxOutcome>;
  close(): Promise<void>;
}

const WORKER_URL = new URL('./quickjs-worker.mjs', import.meta.url);
const STARTUP_TIMEOUT_MS = 15_000;
// Far below the WebAssembly stack, so deep recursion ends as QuickJS's "stack overflow" error.
const STACK_BYTES = 256 * 1024;

interface WorkerMessage {
  type: 'ready' | 'done';
  collected?: string | null;
  error?: ThrownError | null;
}

function startWorker(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    // The worker's own heap only holds QuickJS's glue; the script's memory is the WebAssembly memory.
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: 64 } });
    worker.unref();
    const timer = setTimeout(() => fail(new Error('the QuickJS worker did not start in time')), STARTUP_TIMEOUT_MS);
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
      fail(new Error(`the QuickJS worker exited while starting (code ${code})`));
    }
    worker.on('message', onMessage);
    worker.once('error', fail);
    worker.once('exit', onExit);
  });
}

function runOn(worker: Worker, job: SandboxJob, options: Required<SandboxOptions>): Promise<SandboxOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish({ kind: 'killed', reason: 'deadline', detail: `${options.wallClockMs} ms` }), options.wallClockMs);
    function finish(outcome: SandboxOutcome) {
      clearTimeout(timer);
      worker.removeAllListeners();
      // Every worker runs one job: the next run gets a fresh QuickJS whatever this one left behind.
      void worker.terminate();
      resolve(outcome);
    }
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'done') finish({ kind: 'finished', collected: message.collected ?? null, error: message.error ?? null });
    });
    worker.on('error', (error: Error) => finish({ kind: 'killed', reason: 'crashed', detail: error.message }));
    worker.on('exit', (code: number) => finish({ kind: 'killed', reason: 'crashed', detail: `exit code ${code}` }));
    worker.postMessage({
      prelude: job.prelude,
      script: job.script,
      filename: job.filename,
      cpuMs: options.cpuMs,
      memoryBytes: options.memoryBytes,
      stackBytes: STACK_BYTES,
    });
  });
}

export function createSandbox(overrides: SandboxOptions = {}): Sandbox {
  const options: Required<SandboxOptions> = {
    cpuMs: SIMULATION_LIMITS.cpuMs,
    memoryBytes: SIMULATION_LIMITS.memoryBytes,
    wallClockMs: SIMULATION_LIMITS.wallClockMs,
    maxConcurrent: 4,
    ...overrides,
  };
  let spare: Promise<Worker> | null = null;
  let closed = false;
  let running = 0;
  const waiting: (() => void)[] = [];

  function prepareSpare() {
    if (closed) return;
    spare = startWorker();
    // A spare that fails to start is dropped; the next run starts its own and reports the failure.
    spare.catch(() => {
      spare = null;
    });
  }

  async function takeWorker(): Promise<Worker> {
    const ready = spare ?? startWorker();
    spare = null;
    prepareSpare();
    return ready;
  }

  async function acquire() {
    if (running < options.maxConcurrent) {
      running += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release() {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }

  prepareSpare();
  return {
    async run(job) {
      if (closed) throw new Error('the sandbox is closed');
      await acquire();
      try {
        let worker: Worker;
        try {
          worker = await takeWorker();
        } catch (error) {
          return { kind: 'killed', reason: 'crashed', detail: (error as Error).message };
        }
        return await runOn(worker, job, options);
      } finally {
        release();
      }
    },
    async close() {
      closed = true;
      const pending = spare;
      spare = null;
      if (pending) await pending.then((worker) => worker.terminate()).catch(() => undefined);
    },
  };
}
