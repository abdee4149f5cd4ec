// The simulation worker's entry: one run per worker, then the host terminates it. The host also
// terminates it on a wall-clock deadline, because QuickJS's interrupt handler is not consulted while
// its allocator thrashes near the memory limit (see shared/TOOLCHAIN.md), and the worker's own heap is
// limited, so reading a huge result ends this thread, never the server.
//
// Protocol: posts { type: 'ready' }; takes one SimulationJob; answers { type: 'done', output }.
import { parentPort } from 'node:worker_threads';
import { getQuickJS } from 'quickjs-emscripten';
import type { SimulationOutput } from '../../domain/simulation';
import { runSimulation, type SimulationJob } from './simulation-run';

const QuickJS = await getQuickJS();
const port = parentPort;
if (!port) throw new Error('simulation-worker runs as a worker thread');

port.once('message', (job: SimulationJob) => {
  let output: SimulationOutput | null = null;
  let failure: string | null = null;
  try {
    output = runSimulation(QuickJS, job);
  } catch (error) {
    failure = error instanceof Error ? error.message.slice(0, 2000) : 'unknown error';
  }
  port.postMessage({ type: 'done', output, failure });
});
port.postMessage({ type: 'ready' });
