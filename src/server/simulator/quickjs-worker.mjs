// Runs one job in QuickJS (WebAssembly), never in this engine: the host terminates this worker on a
// wall-clock deadline, because the interrupt handler is not consulted while QuickJS's allocator
// thrashes near the memory limit (see shared/TOOLCHAIN.md). Plain JavaScript so that it loads the same
// under tsx, vitest and plain node; all simulator logic stays in TypeScript on the host side.
//
// Protocol: posts { type: 'ready' }; takes one message
//   { prelude, script, filename, cpuMs, memoryBytes, stackBytes }
// where `prelude` evaluates to a function that returns the collected state as JSON text; answers
//   { type: 'done', collected: string | null, error: { name, message, stack } | null }.
import { parentPort } from 'node:worker_threads';
import { getQuickJS, shouldInterruptAfterDeadline } from 'quickjs-emscripten';

const QuickJS = await getQuickJS();

/** What the host can use of a thrown value, whatever it was. */
function describeThrown(vm, handle) {
  try {
    const dumped = vm.dump(handle);
    if (dumped && typeof dumped === 'object' && typeof dumped.message === 'string') {
      return { name: String(dumped.name ?? 'Error'), message: dumped.message, stack: String(dumped.stack ?? '') };
    }
    return { name: 'Thrown', message: `Uncaught ${JSON.stringify(dumped) ?? String(dumped)}`, stack: '' };
  } catch {
    return { name: 'Error', message: 'The script failed and its error could not be read.', stack: '' };
  }
}

function run(job) {
  const runtime = QuickJS.newRuntime();
  runtime.setMemoryLimit(job.memoryBytes);
  runtime.setMaxStackSize(job.stackBytes);
  const vm = runtime.newContext();
  // Handles are not disposed: the worker runs one job and is terminated, and disposing a runtime that
  // an interrupted or out-of-memory script left with live objects aborts the WebAssembly module.
  const setup = vm.evalCode(job.prelude, 'prelude.js');
  if (setup.error) {
    const error = describeThrown(vm, setup.error);
    return { collected: null, error: { name: 'SandboxError', message: `The simulator could not start: ${error.message}`, stack: '' } };
  }

  runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + job.cpuMs));
  let error = null;
  const result = vm.evalCode(job.script, job.filename);
  if (result.error) {
    error = describeThrown(vm, result.error);
  } else {
    const jobs = runtime.executePendingJobs();
    if (jobs.error) error = describeThrown(vm, jobs.error);
  }

  // Collecting must not be stopped by the script's own expired deadline or exhausted memory:
  // what the script logged before it failed is what helps most.
  runtime.setInterruptHandler(shouldInterruptAfterDeadline(Date.now() + 200));
  runtime.setMemoryLimit(job.memoryBytes + 16 * 1024 * 1024);
  const out = vm.callFunction(setup.value, vm.undefined);
  const collected = out.error ? null : vm.getString(out.value);
  return { collected, error };
}

parentPort.once('message', (job) => {
  let answer;
  try {
    answer = { type: 'done', ...run(job) };
  } catch (error) {
    answer = { type: 'done', collected: null, error: { name: 'SandboxError', message: String(error?.message ?? error), stack: '' } };
  }
  parentPort.postMessage(answer);
});
parentPort.postMessage({ type: 'ready' });
