import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { integrationInputSchema, integrationSchema, integrationSummarySchema } from '../../domain/integration';
import { INTEGRATION_TYPES } from '../../domain/integration-types';
import { pageQuerySchema, pageSchema } from '../../domain/page';
import { ifMatchVersion, sendNotModified, setEtag } from '../http/etag';
import { notFound } from '../http/problems';
import type { BotsRepository } from '../repositories/bots-repository';
import type { IntegrationsRepository } from '../repositories/integrations-repository';
import { botParams, ifMatchHeader, integrationParams, problems } from './route-schemas';

const listQuery = pageQuerySchema.extend({
  type: z.enum(INTEGRATION_TYPES, { error: `type must be one of ${INTEGRATION_TYPES.join(', ')}.` }).optional(),
});

export const integrationRoutes: FastifyPluginAsyncZod<{ bots: BotsRepository; integrations: IntegrationsRepository }> = async (
  app,
  { bots, integrations },
) => {
  const currentVersion = (botId: string, id: string) => async () => (await integrations.get(botId, id)).version;

  async function requireBot(botId: string) {
    if (!(await bots.exists(botId))) throw notFound(`Bot ${botId}`);
  }

  app.get(
    '/api/bots/:botId/integrations',
    {
      schema: {
        tags: ['integrations'],
        summary: "List a bot's integrations by name: search with q, filter by type, page with cursor",
        params: botParams,
        querystring: listQuery,
        response: { 200: pageSchema(integrationSummarySchema), ...problems(400, 404) },
      },
    },
    async (request) => {
      await requireBot(request.params.botId);
      return integrations.list(request.params.botId, request.query);
    },
  );

  app.post(
    '/api/bots/:botId/integrations',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Create an integration',
        params: botParams,
        body: integrationInputSchema,
        response: { 201: integrationSchema, ...problems(400, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { botId } = request.params;
      await requireBot(botId);
      const created = await integrations.create(botId, request.body);
      setEtag(reply, created.version);
      return reply.code(201).header('location', `/api/bots/${botId}/integrations/${created.id}`).send(created);
    },
  );

  app.get(
    '/api/bots/:botId/integrations/:id',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Read an integration with its ETag',
        params: integrationParams,
        response: { 200: integrationSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const integration = await integrations.get(request.params.botId, request.params.id);
      if (sendNotModified(request, reply, integration.version)) return reply;
      setEtag(reply, integration.version);
      return integration;
    },
  );

  app.put(
    '/api/bots/:botId/integrations/:id',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Replace an integration (If-Match required: 412 when stale, 428 when missing)',
        params: integrationParams,
        headers: ifMatchHeader,
        body: integrationInputSchema,
        response: { 200: integrationSchema, ...problems(400, 404, 409, 412, 413, 415, 428) },
      },
    },
    async (request, reply) => {
      const version = await ifMatchVersion(request, currentVersion(request.params.botId, request.params.id));
      const updated = await integrations.replace(request.params.botId, request.params.id, version, request.body);
      setEtag(reply, updated.version);
      return updated;
    },
  );

  app.delete(
    '/api/bots/:botId/integrations/:id',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Delete an integration (If-Match required)',
        params: integrationParams,
        headers: ifMatchHeader,
        response: { 204: z.undefined().describe('Deleted'), ...problems(400, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const { botId, id } = request.params;
      await integrations.delete(botId, id, await ifMatchVersion(request, currentVersion(botId, id)));
      return reply.code(204).send();
    },
  );
};
