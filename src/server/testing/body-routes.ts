import { anIntegrationInput } from '../../domain/samples';
import type { TestServer } from './api-harness';
import { freshBot } from './fixtures';

export interface BodyRoute {
  method: string;
  /** The route as declared, e.g. `/api/bots/{botId}`. */
  route: string;
  /** The route with real ids in it. */
  path: string;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: unknown }>>;
}

const WRITE_METHODS = new Set(['post', 'put', 'patch']);

/**
 * Every route that reads a body, from the app's own route table (its OpenAPI document), with its
 * parameters filled with a bot, an integration and a skill that exist: a route added later is covered
 * without editing the tests that use this.
 */
export async function bodyRoutes(server: TestServer): Promise<BodyRoute[]> {
  const botId = await freshBot(server, 'Routes');
  const integration = await server.request('POST', `/api/bots/${botId}/integrations`, {
    body: anIntegrationInput('LIVEPERSON_AGENT_ESCALATION'),
  });
  const skill = await server.request('POST', '/api/skills', { body: { id: 1234567, name: 'Route Skill' } });
  const values: Record<string, string> = {
    botId,
    id: integration.body.id,
    version: '1',
    releaseId: '00000000-0000-4000-8000-000000000000',
  };
  const document = (await server.request<OpenApiDocument>('GET', '/api/openapi.json')).body;
  const routes: BodyRoute[] = [];
  for (const [route, operations] of Object.entries(document.paths)) {
    for (const method of Object.keys(operations)) {
      // Fastify documents a body for every write route with a body schema; restore has none and reads none.
      if (!WRITE_METHODS.has(method) || !operations[method]!.requestBody) continue;
      const isSkill = route.startsWith('/api/skills/');
      const path = route.replace(/\{(\w+)\}/g, (_, name: string) => (isSkill && name === 'id' ? String(skill.body.id) : values[name]!));
      routes.push({ method: method.toUpperCase(), route, path });
    }
  }
  return routes;
}
