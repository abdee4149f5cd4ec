import { performance } from 'node:perf_hooks';

/*
 * Walks over a bot's dialogs are generators that yield between items: run at once (tests, the fuzz
 * model) or with the event loop given back whenever a slice of time has passed (the routes), so a
 * walk over the biggest bot a bot may be never holds health probes and other requests for long.
 */

export type Steps<T> = Generator<void, T, void>;

/** Items a walk handles between two yields: small enough that checking the clock costs nothing. */
export const STEP_BATCH = 200;

/** Runs a walk to its end without pausing. */
export function runNow<T>(steps: Steps<T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** How long a walk runs before it lets other work in: well under the liveness probe's 200 ms. */
const SLICE_MS = 20;

/** Runs a walk, letting the event loop in at a yield once SLICE_MS have passed since it last did. */
export async function runSliced<T>(steps: Steps<T>): Promise<T> {
  let sliceStart = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
