import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { environmentInputSchema, environmentListSchema, environmentPatchSchema, environmentSchema } from '../../domain/environments';
import { problemSchema } from '../../domain/problem';
import { sendNotModified, setEtag, writeIfMatch } from '../http/etag';
import { booleanQuery, ifMatchHeader, problems } from '../http/route-schemas';
import type { EnvironmentsRepository } from './environments-repository';

const params = z.strictObject({ id: z.uuid('id must be a UUID.') });

/** A delete refused because bots use the environment names them. */
const inUseProblem = problemSchema.extend({ bots: z.array(z.object({ id: z.uuid(), name: z.string() })).optional() });

/** Environments: CRUD with ETags; secret values go in and never come out (answered as set or not set). */
export const environmentRoutes: FastifyPluginAsyncZod<{ environments: EnvironmentsRepository }> = async (app, { environments }) => {
  const current = (id: string) => () => environments.version(id);

  app.get(
    '/api/environments',
    {
      schema: {
        tags: ['environments'],
        summary: 'The environments by name, each with its variables (secrets as set or not set) and the bots that use it',
        response: { 200: environmentListSchema },
      },
    },
    async () => ({ items: await environments.list() }),
  );

  app.post(
    '/api/environments',
    {
      schema: {
        tags: ['environments'],
        summary: 'Create an environment; a secret variable is stored sealed and never answered',
        body: environmentInputSchema,
        response: { 201: environmentSchema, ...problems(400, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const created = await environments.create(request.body);
      setEtag(reply, created.version);
      return reply.code(201).header('location', `/api/environments/${created.id}`).send(created);
    },
  );

  app.get(
    '/api/environments/:id',
    {
      schema: {
        tags: ['environments'],
        summary: 'Read an environment',
        params,
        response: { 200: environmentSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const found = await environments.get(request.params.id);
      if (sendNotModified(request, reply, found.version)) return reply;
      setEtag(reply, found.version);
      return found;
    },
  );

  app.patch(
    '/api/environments/:id',
    {
      schema: {
        tags: ['environments'],
        summary:
          'Change an environment (If-Match required): `variables` replaces the list; a secret given without `value` keeps its stored value',
        params,
        headers: ifMatchHeader,
        body: environmentPatchSchema,
        response: { 200: environmentSchema, ...problems(400, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const updated = await writeIfMatch(request, current(request.params.id), (version) =>
        environments.update(request.params.id, version, request.body),
      );
      setEtag(reply, updated.version);
      return updated;
    },
  );

  app.delete(
    '/api/environments/:id',
    {
      schema: {
        tags: ['environments'],
        summary: 'Delete an environment (If-Match required): 409 naming the bots that use it, unless ?force=true',
        params,
        headers: ifMatchHeader,
        querystring: z.strictObject({ force: booleanQuery('force') }),
        response: { 204: z.undefined().describe('Deleted'), 409: inUseProblem, ...problems(400, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      await writeIfMatch(request, current(request.params.id), (version) =>
        environments.delete(request.params.id, version, request.query.force),
      );
      return reply.code(204).send();
    },
  );
};
