import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { FastifyInstance } from 'fastify';
import type { PoolStats } from '../db/database';
import { routePatternOf } from './access-log';

/**
 * The app's metrics, in a registry of its own rather than prom-client's global one: a process that
 * builds several apps (the tests) would otherwise register every metric twice. Features add theirs to
 * `registry` (the simulator's in simulator/simulator-metrics.ts).
 */
interface AppMetrics {
  registry: Registry;
  /** Server-sent event streams open now (live/: GET /api/bots/:botId/events). */
  openStreams: Gauge;
}

const HTTP_LABELS = ['method', 'route', 'status_code'] as const;

export function createAppMetrics({ poolStats }: { poolStats: () => PoolStats | null }): AppMetrics {
  const registry = new Registry();
  // The process's own (CPU, resident memory, heap, event-loop delay, open handles), as every Node exporter has them.
  collectDefaultMetrics({ register: registry });
  const openStreams = new Gauge({ name: 'sse_open_streams', help: 'Server-sent event streams open now.', registers: [registry] });
  // PostgreSQL only: the embedded database runs in this process, with no pool.
  if (poolStats()) {
    const read = (pick: (stats: PoolStats) => number) =>
      function collect(this: Gauge) {
        const stats = poolStats();
        if (stats) this.set(pick(stats));
      };
    new Gauge({
      name: 'db_pool_connections',
      help: 'PostgreSQL connections this server has open, busy or idle.',
      registers: [registry],
      collect: read((stats) => stats.total),
    });
    new Gauge({
      name: 'db_pool_idle',
      help: 'Open PostgreSQL connections not in use.',
      registers: [registry],
      collect: read((stats) => stats.idle),
    });
    new Gauge({
      name: 'db_pool_max',
      help: 'Connections the pool may open (DATABASE_POOL_SIZE).',
      registers: [registry],
      collect: read((stats) => stats.max),
    });
    new Gauge({
      name: 'db_pool_waiting',
      help: 'Queries and transactions waiting for a free PostgreSQL connection (the pool is at its size).',
      registers: [registry],
      collect: read((stats) => stats.waiting),
    });
  }
  return { registry, openStreams };
}

/** Counts and times every answer by route pattern: never the URL, whose ids and query values would make a series per request. */
export function countRequests(app: FastifyInstance, { registry }: AppMetrics): void {
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'Requests answered, by method, route pattern and status.',
    labelNames: HTTP_LABELS,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from the request received to its answer sent, by method, route pattern and status.',
    labelNames: HTTP_LABELS,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', (request, reply, done) => {
    const labels = { method: request.method, route: routePatternOf(request), status_code: String(reply.statusCode) };
    requests.inc(labels);
    durations.observe(labels, reply.elapsedTime / 1000);
    done();
  });
}

/**
 * GET /api/metrics: the registry in Prometheus's text format. Its access is the API's (ADMIN_TOKEN),
 * or METRICS_TOKEN alone when that is set (route-access.ts).
 */
export function registerMetricsRoute(app: FastifyInstance, { registry }: AppMetrics): void {
  app.get('/api/metrics', { schema: { hide: true }, config: { access: 'metrics' } }, async (_request, reply) =>
    reply
      .type(registry.contentType)
      .header('cache-control', 'no-store')
      .send(await registry.metrics()),
  );
}
