import { expect, it } from 'vitest';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { WRITE_TARGETS, writeRoutes } from '../testing/write-routes';

/** What any write changes besides what it was given. */
const VOLATILE = new Set(['version', 'updatedAt']);
/** Where an answer shows a property it does not return as sent (secrets only as set or not). */
const SHOWN_AS: Record<string, string> = { secrets: 'secretsSet' };

const without = (entity: Record<string, unknown>, left: string) =>
  Object.fromEntries(Object.entries(entity).filter(([key]) => !VOLATILE.has(key) && key !== left && key !== SHOWN_AS[left]));

describeEachDatabase('a PATCH changes only what it is given, on %s', (kind) => {
  const server = useTestServer(kind);

  it('every PATCH route, sent one documented property at a time, keeps every other one', async () => {
    const routes = (await writeRoutes(server)).filter((route) => route.method === 'PATCH');
    expect(routes.length).toBeGreaterThanOrEqual(5);
    for (const { route, bodyProperties } of routes) {
      const make = WRITE_TARGETS[route];
      expect(make, `PATCH ${route}: add how to make its resource to WRITE_TARGETS`).toBeDefined();
      expect(bodyProperties.length, `PATCH ${route} documents its body`).toBeGreaterThan(0);
      for (const property of bodyProperties) {
        const target = await make!(server);
        expect(target.body, `PATCH ${route}: WRITE_TARGETS gives no value for "${property}"`).toHaveProperty(property);
        const before = (await server.request('GET', target.path)).body;
        const value = target.body[property];
        const patched = await server.request('PATCH', target.path, { body: { [property]: value }, headers: { 'if-match': target.etag } });
        expect(patched.status, `PATCH ${route} with only ${property}: ${JSON.stringify(patched.body)}`).toBe(200);
        const after = (await server.request('GET', target.path)).body;
        expect(without(after, property), `PATCH ${route} with only ${property} kept the rest`).toEqual(without(before, property));
        // An object property (a credential's fields) changes the keys it names and keeps the others.
        const shown = SHOWN_AS[property];
        if (shown) {
          for (const key of Object.keys(value as object)) expect(after[shown][key], `${route} ${property}.${key}`).toBe(true);
        } else if (Array.isArray(value)) {
          // A list (an environment's variables) is replaced as a whole.
          expect(after[property], `PATCH ${route} set ${property}`).toEqual(value);
        } else if (typeof value === 'object' && value !== null) {
          expect(after[property], `PATCH ${route} with part of ${property}`).toEqual({ ...before[property], ...value });
        } else {
          expect(after[property], `PATCH ${route} set ${property}`).toEqual(value);
        }
      }
    }
  });
});
