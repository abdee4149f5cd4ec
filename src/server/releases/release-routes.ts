import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../domain/problem';
import { releasePlanSchema, releaseRequestSchema, releaseSchema } from '../../domain/releases';
import { HttpProblem } from '../http/problems';
import { booleanQuery, botParams, problems } from '../http/route-schemas';
import type { ReleasesRepository } from './releases-repository';

/** A release refused for its problems answers the plan with them, so the client shows each. */
const refusedProblem = problemSchema.extend({
  changes: releasePlanSchema.shape.changes.optional(),
  problems: releasePlanSchema.shape.problems.optional(),
});

export const releaseRoutes: FastifyPluginAsyncZod<{ releases: ReleasesRepository }> = async (app, { releases }) => {
  app.post(
    '/api/bots/:botId/releases',
    {
      schema: {
        tags: ['releases'],
        summary:
          "Release integrations of this bot into another: ?dryRun=true answers the plan (changes and problems) and stores nothing; otherwise applies it in one transaction, as new revisions of the target's integrations",
        params: botParams,
        querystring: z.strictObject({ dryRun: booleanQuery('dryRun') }),
        body: releaseRequestSchema,
        response: {
          200: releasePlanSchema,
          201: z.object({ release: releaseSchema }),
          409: refusedProblem,
          ...problems(400, 404, 412, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const { botId } = request.params;
      if (request.query.dryRun) return reply.code(200).send(await releases.plan(botId, request.body));
      const result = await releases.apply(botId, request.body);
      if ('refused' in result) {
        const errors = result.refused.problems.filter((problem) => problem.severity === 'error').length;
        throw new HttpProblem(
          409,
          'Conflict',
          errors > 0
            ? `The release has ${errors} error${errors === 1 ? '' : 's'}: fix ${errors === 1 ? 'it' : 'them'} first (each is in problems).`
            : 'The release has warnings: send force: true to release anyway.',
          undefined,
          { ...result.refused },
        );
      }
      return reply.code(201).send({ release: result });
    },
  );

  app.get(
    '/api/bots/:botId/releases',
    {
      schema: {
        tags: ['releases'],
        summary: 'Releases into or out of this bot, newest first, each with its changes',
        params: botParams,
        response: { 200: z.object({ items: z.array(releaseSchema) }), ...problems(400, 404) },
      },
    },
    async (request) => ({ items: await releases.list(request.params.botId) }),
  );

  app.post(
    '/api/bots/:botId/releases/:releaseId/rollback',
    {
      schema: {
        tags: ['releases'],
        summary:
          "Put the target's integrations back as they were before the release: a new release, itself reversible; 409 when they changed since",
        params: botParams.extend({ releaseId: z.uuid('releaseId must be a UUID.') }),
        body: z.strictObject({ author: z.string().trim().max(100, 'Author must be at most 100 characters.').optional() }).nullish(),
        response: { 201: z.object({ release: releaseSchema }), ...problems(400, 404, 409, 412, 415) },
      },
    },
    async (request, reply) => {
      const release = await releases.rollback(request.params.botId, request.params.releaseId, request.body?.author);
      return reply.code(201).send({ release });
    },
  );
};
