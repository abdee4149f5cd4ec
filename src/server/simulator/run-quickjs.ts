/**
 * Runs the prelude and one script in a fresh QuickJS runtime (WebAssembly) and reads back what the
 * prelude's `collect` wrote. Runs inside the simulation worker, never on the server's thread.
 */
import { shouldInterruptAfterDeadline, type QuickJSContext, type QuickJSHandle, type QuickJSWASMModule } from 'quickjs-emscripten';

export interface ThrownError {
  name: string;
  message: string;
  stack: string;
}

interface QuickJsRun {
  /** The JSON text `collect` returned, or null when it could not run (then `collectFailure` says why). */
  collected: string | null;
  collectFailure: ThrownError | null;
  /** What the script threw, synchronously or out of a promise job. */
  error: ThrownError | null;
  /** The CPU deadline fired at some point, even if the script or a promise swallowed the interrupt. */
  interrupted: boolean;
}

interface QuickJsJob {
  prelude: string;
  script: string;
  filename: string;
  cpuMs: number;
  memoryBytes: number;
  stackBytes: number;
  /** Keeps the error texts small whatever the script throws. */
  errorChars: number;
}

/** Time and memory `collect` gets on top of the script's, so that what the script did before failing is still read. */
const COLLECT_MS = 200;
const COLLECT_EXTRA_BYTES = 16 * 1024 * 1024;

function clip(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, chars)}... (${text.length - chars} more characters)` : text;
}

/** What the host can use of a thrown value, whatever it was. */
function describeThrown(vm: QuickJSContext, handle: QuickJSHandle, chars: number): ThrownError {
  try {
    const dumped: unknown = vm.dump(handle);
    if (dumped && typeof dumped === 'object' && typeof (dumped as { message?: unknown }).message === 'string') {
      const error = dumped as { name?: unknown; message: string; stack?: unknown };
      return {
        name: clip(String(error.name ?? 'Error'), 200),
        message: clip(error.message, chars),
        stack: clip(String(error.stack ?? ''), chars),
      };
    }
    return { name: 'Thrown', message: clip(`Uncaught ${JSON.stringify(dumped) ?? String(dumped)}`, chars), stack: '' };
  } catch {
    return { name: 'Error', message: 'The script failed and its error could not be read.', stack: '' };
  }
}

export function runInQuickJs(QuickJS: QuickJSWASMModule, job: QuickJsJob): QuickJsRun {
  const runtime = QuickJS.newRuntime();
  runtime.setMemoryLimit(job.memoryBytes);
  runtime.setMaxStackSize(job.stackBytes);
  const vm = runtime.newContext();
  // Handles are not disposed: the worker runs one job and is terminated, and disposing a runtime that
  // an interrupted or out-of-memory script left with live objects aborts the WebAssembly module.
  const setup = vm.evalCode(job.prelude, 'prelude.js');
  if (setup.error) {
    const error = describeThrown(vm, setup.error, job.errorChars);
    return {
      collected: null,
      collectFailure: null,
      error: { name: 'SandboxError', message: `The simulator could not start: ${error.message}`, stack: '' },
      interrupted: false,
    };
  }

  let interrupted = false;
  const deadline = shouldInterruptAfterDeadline(Date.now() + job.cpuMs);
  // A promise job that is interrupted only rejects its promise: the flag keeps the deadline from being forgotten.
  runtime.setInterruptHandler((rt) => {
    if (!deadline(rt)) return false;
    interrupted = true;
    return true;
  });
  let error: ThrownError | null = null;
  const result = vm.evalCode(job.script, job.filename);
  if (result.error) {
    error = describeThrown(vm, result.error, job.errorChars);
  } else {
    const jobs = runtime.executePendingJobs();
    if (jobs.error) error = describeThrown(vm, jobs.error, job.errorChars);
  }

  // Collecting must not be stopped by the script's own expired deadline or exhausted memory:
  // what the script logged before it failed is what helps most.
  runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + COLLECT_MS));
  runtime.setMemoryLimit(job.memoryBytes + COLLECT_EXTRA_BYTES);
  const out = vm.callFunction(setup.value, vm.undefined);
  if (out.error) return { collected: null, collectFailure: describeThrown(vm, out.error, job.errorChars), error, interrupted };
  const collected = vm.typeof(out.value) === 'string' ? vm.getString(out.value) : null;
  const collectFailure = collected === null ? { name: 'TypeError', message: 'collect did not return text', stack: '' } : null;
  return { collected, collectFailure, error, interrupted };
}
