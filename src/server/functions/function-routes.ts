import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { directoryQuerySchema, matchesEntry } from '../../domain/directories/directory-usage';
import {
  lpFunctionEntrySchema,
  lpFunctionInputSchema,
  lpFunctionListSchema,
  lpFunctionPatchSchema,
  type LpFunction,
} from '../../domain/directories/lp-function';
import type { Database } from '../db/database';
import { createSharedCachedSource, sharedListName } from '../directories/cached-source';
import { byName, entryParams, readOnlyProblem, withUsages } from '../directories/directory-routes-common';
import type { LivePersonService } from '../directories/liveperson-fetch';
import { findUsages, FUNCTION_REFERENCE } from '../directories/usages';
import { notFound } from '../errors';
import { problems } from '../http/route-schemas';
import type { FunctionsRepository } from './functions-repository';
import { fetchLivePersonFunctions } from './liveperson-functions';

export const functionRoutes: FastifyPluginAsyncZod<{
  db: Database;
  functions: FunctionsRepository;
  livePerson: LivePersonService | null;
}> = async (app, { db, functions, livePerson }) => {
  const remote = livePerson
    ? createSharedCachedSource({ db, source: sharedListName('functions', livePerson) }, () => fetchLivePersonFunctions(livePerson))
    : null;
  const all = (q?: string): Promise<LpFunction[]> =>
    remote ? remote().then((items) => items.filter((fn) => matchesEntry(fn, q)).sort(byName)) : functions.list(q);
  const refuseWhenRemote = () => {
    if (remote) throw readOnlyProblem('function', 'LP_FUNCTIONS_DOMAIN');
  };
  const entry = async (fn: LpFunction) => withUsages([fn], await findUsages(db, FUNCTION_REFERENCE, [fn.id]))[0]!;

  app.get(
    '/api/functions',
    {
      schema: {
        tags: ['functions'],
        summary: 'The LivePerson Functions directory, by name, with the integrations that call each; q searches names and id prefixes',
        querystring: directoryQuerySchema,
        response: { 200: lpFunctionListSchema, ...problems(400, 502) },
      },
    },
    async (request) => {
      const items = await all(request.query.q);
      return {
        items: withUsages(
          items,
          await findUsages(
            db,
            FUNCTION_REFERENCE,
            items.map((fn) => fn.id),
          ),
        ),
        source: remote ? ('liveperson' as const) : ('local' as const),
      };
    },
  );

  app.get(
    '/api/functions/:id',
    {
      schema: {
        tags: ['functions'],
        summary: 'One function',
        params: entryParams,
        response: { 200: lpFunctionEntrySchema, ...problems(400, 404, 502) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const found = remote ? (await remote()).find((fn) => fn.id === id) : await functions.get(id);
      if (!found) throw notFound(`Function ${id}`);
      return entry(found);
    },
  );

  app.post(
    '/api/functions',
    {
      schema: {
        tags: ['functions'],
        summary: 'Add a function',
        body: lpFunctionInputSchema,
        response: { 201: lpFunctionEntrySchema, ...problems(400, 409) },
      },
    },
    async (request, reply) => {
      refuseWhenRemote();
      const created = await functions.create(request.body);
      return reply
        .code(201)
        .header('location', `/api/functions/${encodeURIComponent(created.id)}`)
        .send(await entry(created));
    },
  );

  app.patch(
    '/api/functions/:id',
    {
      schema: {
        tags: ['functions'],
        summary: 'Rename a function or change its description or state (integrations refer to it by id, so they follow)',
        params: entryParams,
        body: lpFunctionPatchSchema,
        response: { 200: lpFunctionEntrySchema, ...problems(400, 404, 409) },
      },
    },
    async (request) => {
      refuseWhenRemote();
      return entry(await functions.update(request.params.id, request.body));
    },
  );

  app.delete(
    '/api/functions/:id',
    {
      schema: {
        tags: ['functions'],
        summary: 'Remove a function from the directory; 409 while integrations call it',
        params: entryParams,
        response: { 204: z.undefined().describe('Deleted'), ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      refuseWhenRemote();
      await functions.delete(request.params.id);
      return reply.code(204).send();
    },
  );
};
