import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { botInputSchema, botPatchSchema, botSchema } from '../../domain/bot';
import { pageQuerySchema, pageSchema } from '../../domain/page';
import { hiddenBotsOf, LOCAL_ACTOR } from '../db/actor-context';
import { sendNotModified, setEtag, writeIfMatch } from '../http/etag';
import type { BotsRepository } from './bots-repository';
import { botParams, ifMatchHeader, problems } from '../http/route-schemas';

export const botRoutes: FastifyPluginAsyncZod<{ bots: BotsRepository }> = async (app, { bots }) => {
  const currentVersion = (botId: string) => async () => (await bots.get(botId)).version;

  app.get(
    '/api/bots',
    {
      schema: {
        tags: ['bots'],
        summary: 'List bots by name, a page at a time',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(botSchema), ...problems(400) },
      },
    },
    async (request) => bots.list({ ...request.query, hidden: hiddenBotsOf(request.actor ?? LOCAL_ACTOR) }),
  );

  app.post(
    '/api/bots',
    {
      schema: {
        tags: ['bots'],
        summary: 'Create a bot',
        body: botInputSchema,
        response: { 201: botSchema, ...problems(400, 413, 415) },
      },
    },
    async (request, reply) => {
      const bot = await bots.create(request.body);
      setEtag(reply, bot.version);
      return reply.code(201).header('location', `/api/bots/${bot.id}`).send(bot);
    },
  );

  app.get(
    '/api/bots/:botId',
    {
      schema: { tags: ['bots'], summary: 'Read a bot', params: botParams, response: { 200: botSchema, ...problems(400, 404) } },
    },
    async (request, reply) => {
      const bot = await bots.get(request.params.botId);
      if (sendNotModified(request, reply, bot.version)) return reply;
      setEtag(reply, bot.version);
      return bot;
    },
  );

  app.patch(
    '/api/bots/:botId',
    {
      schema: {
        tags: ['bots'],
        summary: 'Rename a bot or change its description (If-Match required)',
        params: botParams,
        headers: ifMatchHeader,
        body: botPatchSchema,
        response: { 200: botSchema, ...problems(400, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const bot = await writeIfMatch(request, currentVersion(request.params.botId), (version) =>
        bots.update(request.params.botId, version, request.body),
      );
      setEtag(reply, bot.version);
      return bot;
    },
  );

  app.delete(
    '/api/bots/:botId',
    {
      schema: {
        tags: ['bots'],
        summary: 'Delete a bot and all its integrations (If-Match required)',
        params: botParams,
        headers: ifMatchHeader,
        response: { 204: z.undefined().describe('Deleted'), ...problems(400, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      await writeIfMatch(request, currentVersion(request.params.botId), (version) => bots.delete(request.params.botId, version));
      return reply.code(204).send();
    },
  );
};
