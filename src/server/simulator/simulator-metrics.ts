import { Counter, Gauge, type Registry } from 'prom-client';
import type { SimulationOutput } from '../../domain/simulation';
import type { Sandbox } from './sandbox';

/** The errors that mean a run hit one of its budgets (README, "Simulator budgets"). */
const LIMIT_KINDS = new Set(['timeout', 'memory', 'output']);

export interface SimulatorMetrics {
  /** A run answered: `ok` or the kind of its error, and the limit when it hit one. */
  finished(output: SimulationOutput): void;
  /** A run refused because every slot and queue place was taken (503). */
  refused(): void;
}

/** The simulator's series on the app's registry: runs by outcome, limits reached, and its queue read at each scrape. */
export function createSimulatorMetrics(registry: Registry, sandbox: Sandbox): SimulatorMetrics {
  const runs = new Counter({
    name: 'simulator_runs_total',
    help: 'Simulator runs answered, by outcome: ok, or the kind of their error (script, timeout, memory, output, result, sandbox).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const limits = new Counter({
    name: 'simulator_limits_reached_total',
    help: 'Simulator budgets reached: timeout, memory and output by a run, queue by a run refused with 503.',
    labelNames: ['limit'] as const,
    registers: [registry],
  });
  const load = (read: (now: ReturnType<Sandbox['load']>) => number) =>
    function collect(this: Gauge) {
      this.set(read(sandbox.load()));
    };
  new Gauge({ name: 'simulator_running', help: 'Simulator runs in progress.', registers: [registry], collect: load((now) => now.running) });
  new Gauge({
    name: 'simulator_queued',
    help: 'Simulator runs waiting for a slot.',
    registers: [registry],
    collect: load((now) => now.queued),
  });
  new Gauge({
    name: 'simulator_max_running',
    help: 'Simulator runs this server takes at once.',
    registers: [registry],
    collect: load((now) => now.maxConcurrent),
  });
  new Gauge({
    name: 'simulator_max_queued',
    help: 'Simulator runs that may wait; more are refused with 503.',
    registers: [registry],
    collect: load((now) => now.maxQueued),
  });
  return {
    finished(output) {
      const kind = output.error?.kind;
      runs.inc({ outcome: kind ?? 'ok' });
      if (kind && LIMIT_KINDS.has(kind)) limits.inc({ limit: kind });
    },
    refused() {
      limits.inc({ limit: 'queue' });
    },
  };
}
