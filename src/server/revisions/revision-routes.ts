import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { integrationSchema } from '../../domain/integration';
import { deletedIntegrationSchema, revisionSchema, revisionSummarySchema } from '../../domain/revision';
import { setEtag, writeIfMatch } from '../http/etag';
import type { RevisionsRepository } from './revisions-repository';
import { botParams, ifMatchHeader, integrationParams, problems, storedIntegerParam } from '../http/route-schemas';

const revisionParams = integrationParams.extend({ version: storedIntegerParam('version') });

export const revisionRoutes: FastifyPluginAsyncZod<{ revisions: RevisionsRepository }> = async (app, { revisions }) => {
  app.get(
    '/api/bots/:botId/deleted-integrations',
    {
      schema: {
        tags: ['revisions'],
        summary:
          "The bot's deleted integrations, the latest first: each restores with POST …/revisions/{restoreVersion}/restore and If-Match: deletedVersion",
        params: botParams,
        response: { 200: z.object({ items: z.array(deletedIntegrationSchema) }), ...problems(400, 404) },
      },
    },
    async (request) => ({ items: await revisions.deleted(request.params.botId) }),
  );

  app.get(
    '/api/bots/:botId/integrations/:id/revisions',
    {
      schema: {
        tags: ['revisions'],
        summary: "An integration's revisions, newest first (kept after it is deleted)",
        params: integrationParams,
        response: { 200: z.object({ items: z.array(revisionSummarySchema) }), ...problems(400, 404) },
      },
    },
    async (request) => ({ items: await revisions.list(request.params.botId, request.params.id) }),
  );

  app.get(
    '/api/bots/:botId/integrations/:id/revisions/:version',
    {
      schema: {
        tags: ['revisions'],
        summary: 'One revision with the whole integration as it was saved',
        params: revisionParams,
        response: { 200: revisionSchema, ...problems(400, 404) },
      },
    },
    async (request) => revisions.get(request.params.botId, request.params.id, request.params.version),
  );

  app.post(
    '/api/bots/:botId/integrations/:id/revisions/:version/restore',
    {
      schema: {
        tags: ['revisions'],
        summary: 'Save a revision again as the newest version (If-Match required; also brings back a deleted integration)',
        params: revisionParams,
        headers: ifMatchHeader,
        response: { 200: integrationSchema, ...problems(400, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const { botId, id, version } = request.params;
      // The newest revision is the current version, of a live integration or of its deletion.
      const current = async () => (await revisions.list(botId, id))[0]!.version;
      const restored = await writeIfMatch(request, current, (expected) => revisions.restore(botId, id, version, expected));
      setEtag(reply, restored.version);
      return restored;
    },
  );
};
