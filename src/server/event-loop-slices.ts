import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/*
 * One rule for long work in this process: no task holds the event loop for more than a slice of time, so
 * health probes and other requests are read in between (a balancer takes out a server whose liveness probe
 * waits 200 ms). Work that may grow with a bot (its dialogs, its integrations, an export, a run of embedded
 * database queries, which answer on this thread) either calls `yieldIfDue()` between bounded pieces, or is
 * written as a generator of steps (`Steps`) that yields between items and is run by `runSliced`.
 *
 * The slice is measured from when the running task began, as near as this process can tell: when the event
 * loop last waited for I/O (it was idle, so whatever runs now began after), or when work last came back
 * from a yield here. Every task that comes back from a yield gets a whole slice, so several long requests
 * take turns rather than the first one starving the others.
 */

export type Steps<T> = Generator<void, T, void>;

/**
 * Items a walk handles between two yields: few, as one item can cost much (reading every text of an
 * interaction took up to 0.4 ms on a loaded machine), and a look at the clock costs about 0.2 µs.
 */
export const STEP_BATCH = 20;

/**
 * How long a task runs before it lets other work in. Several long requests take a slice each per turn of
 * the event loop, and on a busy machine a slice of CPU takes several times as long to pass: 10 ms keeps
 * three of them, on a loaded machine, under the liveness probe's 200 ms.
 */
export const SLICE_MS = 10;

let sliceStart = performance.now();
let idleSeen = performance.eventLoopUtilization().idle;

/** Whether the running task has held the event loop for a slice (and so should let other work in). */
function sliceIsOver(): boolean {
  const now = performance.now();
  const { idle } = performance.eventLoopUtilization();
  if (idle !== idleSeen) {
    // The loop waited for I/O since the last look: this task began after that.
    idleSeen = idle;
    sliceStart = now;
    return false;
  }
  return now - sliceStart >= SLICE_MS;
}

/** Lets the event loop run its other work (I/O, timers, other requests' turns) once a slice is over. */
export async function yieldIfDue(): Promise<void> {
  if (!sliceIsOver()) return;
  await nextTurn();
  sliceStart = performance.now();
  idleSeen = performance.eventLoopUtilization().idle;
}

/** Runs a walk to its end without pausing. */
export function runNow<T>(steps: Steps<T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** Runs a walk, letting the event loop in at a yield once the slice is over. */
export async function runSliced<T>(steps: Steps<T>): Promise<T> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await yieldIfDue();
  }
}

/** `items.map(map)` as steps: a yield every STEP_BATCH items. */
export function* mapSteps<T, U>(items: readonly T[], map: (item: T, index: number) => U): Steps<U[]> {
  const mapped: U[] = [];
  for (let index = 0; index < items.length; index += 1) {
    if (index % STEP_BATCH === STEP_BATCH - 1) yield;
    mapped.push(map(items[index]!, index));
  }
  return mapped;
}

/** `items.map(map)` that lets other work in while it runs. */
export const mapSliced = <T, U>(items: readonly T[], map: (item: T, index: number) => U): Promise<U[]> => runSliced(mapSteps(items, map));
