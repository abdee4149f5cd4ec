import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, useTestServer, type TestServer } from '../testing/api-harness';
import { bodyRoutes, type BodyRoute } from '../testing/body-routes';

type Shape = 'deep' | 'wide' | 'long';

/** A body of the shape at `size`: nesting depth, number of keys, or characters in a field. */
function bodyOf(shape: Shape, size: number): string {
  if (shape === 'deep') return '{"name":' + '['.repeat(size) + ']'.repeat(size) + '}';
  if (shape === 'wide') return JSON.stringify(Object.fromEntries(Array.from({ length: size }, (_, index) => [`k${index}`, index])));
  return JSON.stringify({ name: 'x'.repeat(size), description: 'y'.repeat(size), type: 'API', url: 'z'.repeat(size) });
}

/** Smallest size of each shape; the property also sends 8 times as much. All stay under the 1 MB body limit. */
const BASE: Record<Shape, { min: number; max: number }> = {
  deep: { min: 1_000, max: 4_000 },
  wide: { min: 500, max: 3_000 },
  long: { min: 5_000, max: 30_000 },
};
const GROWTH = 8;

/** Polls /api/health one request after another until stopped; keeps the slowest answer. */
function healthWatch(server: TestServer) {
  let running = true;
  let slowest = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}/api/health`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`/api/health answered ${response.status}`);
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return slowest;
    },
  };
}

describeEachDatabase('deep, wide and long bodies on every route on %s', (kind) => {
  const server = useTestServer(kind);
  let routes: BodyRoute[];

  beforeAll(async () => {
    routes = await bodyRoutes(server);
  }, 60_000);

  /** The quicker of two sends: one slow answer on a loaded machine should not decide the property. */
  async function timeOf(route: BodyRoute, body: string): Promise<{ ms: number; status: number }> {
    let best = Number.POSITIVE_INFINITY;
    let status = 0;
    for (let attempt = 0; attempt < 2; attempt++) {
      const started = performance.now();
      const response = await fetch(server.baseUrl + route.path, {
        method: route.method,
        headers: { 'content-type': 'application/json', 'if-match': '"999"' },
        body,
      });
      await response.arrayBuffer();
      best = Math.min(best, performance.now() - started);
      status = response.status;
    }
    return { ms: best, status };
  }

  it('answers in time growing at most linearly with the size, never 5xx, while /api/health keeps answering within 200 ms', async () => {
    const health = healthWatch(server);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          fc.constantFrom<Shape>('deep', 'wide', 'long'),
          fc.double({ min: 0, max: 1, noNaN: true }),
          async (route, shape, position) => {
            const size = Math.round(BASE[shape].min + position * (BASE[shape].max - BASE[shape].min));
            const small = await timeOf(route, bodyOf(shape, size));
            const large = await timeOf(route, bodyOf(shape, size * GROWTH));
            const label = `${route.method} ${route.route} ${shape} ${size}: ${small.ms.toFixed(1)} ms, ×${GROWTH}: ${large.ms.toFixed(1)} ms`;
            expect(small.status, label).toBeLessThan(500);
            expect(large.status, label).toBeLessThan(500);
            // Linear growth gives about ×8; quadratic gives ×64. Twice the linear ratio plus a fixed
            // allowance absorbs the machine's noise without letting a quadratic walk through.
            expect(large.ms, label).toBeLessThan(GROWTH * 2 * Math.max(small.ms, 5) + 100);
          },
        ),
        { numRuns: 40 },
      );
    } finally {
      const slowest = await health.stop();
      expect(slowest, `slowest /api/health: ${slowest.toFixed(0)} ms`).toBeLessThan(200);
    }
  }, 600_000);
});
