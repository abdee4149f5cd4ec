import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { usagesProblemSchema } from '../../domain/dialogs';
import {
  integrationInputSchema,
  integrationSchema,
  integrationSummarySchema,
  type Integration,
  type IntegrationValues,
} from '../../domain/integration';
import type { Database } from '../db/database';
import { INTEGRATION_TYPES } from '../../domain/integration-types';
import { pageQuerySchema, pageSchema } from '../../domain/page';
import { sendNotModified, setEtag, writeIfMatch } from '../http/etag';
import { notFound } from '../errors';
import type { BotsRepository } from '../bots/bots-repository';
import type { IntegrationsRepository } from './integrations-repository';
import { booleanQuery, botParams, ifMatchHeader, integrationParams, problems } from '../http/route-schemas';

const listQuery = pageQuerySchema.extend({
  type: z.enum(INTEGRATION_TYPES, { error: `type must be one of ${INTEGRATION_TYPES.join(', ')}.` }).optional(),
});

/**
 * What must happen where an integration is used before it is renamed or deleted. The dialogs feature
 * knows the usages and fulfils this (app.ts passes its repository), so integrations never import it.
 */
interface IntegrationUsageGuard {
  /**
   * Asked with the record a save replaces: nothing when the save keeps the names other places use, else a
   * check to run inside the save's transaction (reading through it) that throws when the new name or
   * variable would break the places that use the old one.
   */
  refuseRenameByPut(current: Integration, values: IntegrationValues): ((tx: Database) => Promise<void>) | undefined;
  /** Deletes the integration, refusing one in use unless forced. */
  deleteIntegration(botId: string, integrationId: string, expectedVersion: number, force: boolean): Promise<void>;
}

/**
 * What else changes with a save of an integration, in its transaction (test cases follow renamed custom data
 * keys; app.ts passes them), so the integrations feature knows nothing of it.
 */
interface SaveFollower {
  /** Nothing when the save changes nothing it follows, else the change to make in the save's transaction. */
  followSave(before: Integration, after: Integration): ((tx: Database) => Promise<void>) | undefined;
}

export const integrationRoutes: FastifyPluginAsyncZod<{
  bots: BotsRepository;
  integrations: IntegrationsRepository;
  usageGuard: IntegrationUsageGuard;
  saveFollowers?: readonly SaveFollower[];
}> = async (app, { bots, integrations, usageGuard, saveFollowers = [] }) => {
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
        // 409 with usages: the new name or variable would break the places that use the old one.
        response: { 200: integrationSchema, ...problems(400, 404, 412, 413, 415, 428), 409: usagesProblemSchema },
      },
    },
    async (request, reply) => {
      const updated = await writeIfMatch(request, currentVersion(request.params.botId, request.params.id), (version) =>
        integrations.replace(request.params.botId, request.params.id, version, request.body, {
          check: (current) => usageGuard.refuseRenameByPut(current, request.body),
          after: (before, after) => {
            const follows = saveFollowers.flatMap((follower) => follower.followSave(before, after) ?? []);
            if (follows.length === 0) return undefined;
            return async (tx) => {
              for (const follow of follows) await follow(tx);
            };
          },
        }),
      );
      setEtag(reply, updated.version);
      return updated;
    },
  );

  app.delete(
    '/api/bots/:botId/integrations/:id',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Delete an integration (If-Match required); 409 with its usages unless ?force=true',
        params: integrationParams,
        querystring: z.strictObject({ force: booleanQuery('force') }),
        headers: ifMatchHeader,
        response: { 204: z.undefined().describe('Deleted'), ...problems(400, 404, 412, 428), 409: usagesProblemSchema },
      },
    },
    async (request, reply) => {
      const { botId, id } = request.params;
      await writeIfMatch(request, currentVersion(botId, id), (version) =>
        usageGuard.deleteIntegration(botId, id, version, request.query.force),
      );
      return reply.code(204).send();
    },
  );
};
