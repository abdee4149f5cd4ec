import { expect, it } from 'vitest';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { WRITE_TARGETS, writeRoutes } from '../testing/write-routes';

describeEachDatabase('every write names the version it changes, on %s', (kind) => {
  const server = useTestServer(kind);

  it('PUT, PATCH and DELETE answer 428 without If-Match and 412 when it is stale, and change nothing then', async () => {
    const routes = await writeRoutes(server);
    expect(routes.length).toBeGreaterThanOrEqual(12);
    for (const { method, route } of routes) {
      const make = WRITE_TARGETS[route];
      expect(make, `${method} ${route}: add how to make its resource to WRITE_TARGETS`).toBeDefined();
      const target = await make!(server);
      const body = method === 'DELETE' ? {} : { body: target.body };
      const missing = await server.request(method, target.path, body);
      expect(missing.status, `${method} ${route} without If-Match`).toBe(428);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
      const stale = await server.request(method, target.path, { ...body, headers: { 'if-match': '"999999"' } });
      expect(stale.status, `${method} ${route} with a stale If-Match`).toBe(412);
      expect((await server.request('GET', target.readPath ?? target.path)).headers.get('etag'), `${method} ${route} changed nothing`).toBe(
        target.etag,
      );
      const current = await server.request(method, target.path, { ...body, headers: { 'if-match': target.etag } });
      expect(current.status, `${method} ${route} with the current ETag`).toBe(method === 'DELETE' ? 204 : 200);
    }
  });
});
