import { expect, it } from 'vitest';
import { anIntegrationInput } from '../../domain/samples';
import { describeEachDatabase, useTestServer } from '../testing/api-harness';
import { freshBot } from '../testing/fixtures';

interface OpenApiParameter {
  in: string;
  name: string;
  schema?: { type?: string; anyOf?: { type?: string }[] };
}
type OpenApiPaths = Record<string, Record<string, { parameters?: OpenApiParameter[] }>>;

const takesIntegers = (parameter: OpenApiParameter) =>
  parameter.schema?.type === 'integer' || (parameter.schema?.anyOf ?? []).some((option) => option.type === 'integer');

/** Past int4 (versions), past a bigint, past what a double holds exactly, and spellings of numbers. */
const OUT_OF_RANGE = ['2147483648', '99999999999', '99999999999999999999', '1e400', '-1', '0', '2147483647.5'];

describeEachDatabase('every integer parameter of the API on %s', (kind) => {
  const server = useTestServer(kind);

  it('answers 400 or 404 problem+json for numbers no column holds, on every route that takes one', async () => {
    const botId = await freshBot(server);
    // An integration that exists, so a handler that let the number through would reach its SQL.
    const created = await server.request('POST', `/api/bots/${botId}/integrations`, { body: anIntegrationInput('API') });
    expect(created.status).toBe(201);
    const integrationId = created.body.id as string;
    const paths = (await server.request<{ paths: OpenApiPaths }>('GET', '/api/openapi.json')).body.paths;
    const routes = Object.entries(paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) => {
        const integers = (operation.parameters ?? []).filter(takesIntegers);
        return integers.length > 0 ? [{ path, method: method.toUpperCase(), integers }] : [];
      }),
    );
    // The table is read from the app: the revision routes and the list limits at least.
    expect(routes.length).toBeGreaterThanOrEqual(4);
    expect(routes.map((route) => route.path)).toContain('/api/bots/{botId}/integrations/{id}/revisions/{version}/restore');

    const wrong: string[] = [];
    for (const route of routes) {
      for (const parameter of route.integers) {
        for (const value of OUT_OF_RANGE) {
          let path = route.path.replace('{botId}', botId).replace('{id}', integrationId);
          path = path.replace(/\{(\w+)\}/g, (_, name: string) => (name === parameter.name ? value : '1'));
          if (parameter.in === 'query') path += `?${parameter.name}=${value}`;
          const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined;
          const answer = await server.request(route.method, path, { body, headers: { 'if-match': '"1"' } });
          const problem = String(answer.headers.get('content-type')).includes('application/problem+json');
          if (![400, 404].includes(answer.status) || !problem) wrong.push(`${route.method} ${path}: ${answer.status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
