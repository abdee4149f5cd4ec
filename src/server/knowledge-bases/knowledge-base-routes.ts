import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { directoryQuerySchema, matchesEntry } from '../../domain/directories/directory-usage';
import {
  knowledgeBaseEntrySchema,
  knowledgeBaseInputSchema,
  knowledgeBaseListSchema,
  knowledgeBasePatchSchema,
  type KnowledgeBase,
} from '../../domain/directories/knowledge-base';
import type { Database } from '../db/database';
import { createSharedCachedSource, sharedListName } from '../directories/cached-source';
import { byName, entryParams, readOnlyProblem, withUsages } from '../directories/directory-routes-common';
import type { LivePersonService } from '../directories/liveperson-fetch';
import { findUsages, KNOWLEDGE_BASE_REFERENCE } from '../directories/usages';
import { notFound } from '../errors';
import { problems } from '../http/route-schemas';
import type { KnowledgeBasesRepository } from './knowledge-bases-repository';
import { fetchKnowledgeAiKnowledgeBases } from './knowledgeai-knowledge-bases';

export const knowledgeBaseRoutes: FastifyPluginAsyncZod<{
  db: Database;
  knowledgeBases: KnowledgeBasesRepository;
  livePerson: LivePersonService | null;
}> = async (app, { db, knowledgeBases, livePerson }) => {
  const remote = livePerson
    ? createSharedCachedSource({ db, source: sharedListName('knowledge-bases', livePerson) }, () =>
        fetchKnowledgeAiKnowledgeBases(livePerson),
      )
    : null;
  const all = (q?: string): Promise<KnowledgeBase[]> =>
    remote ? remote().then((items) => items.filter((kb) => matchesEntry(kb, q)).sort(byName)) : knowledgeBases.list(q);
  const refuseWhenRemote = () => {
    if (remote) throw readOnlyProblem('knowledge base', 'LP_KNOWLEDGEAI_DOMAIN');
  };
  const entry = async (kb: KnowledgeBase) => withUsages([kb], await findUsages(db, KNOWLEDGE_BASE_REFERENCE, [kb.id]))[0]!;

  app.get(
    '/api/knowledge-bases',
    {
      schema: {
        tags: ['knowledge-bases'],
        summary:
          'The KnowledgeAI knowledge base directory, by name, with the integrations that search each; q searches names and id prefixes',
        querystring: directoryQuerySchema,
        response: { 200: knowledgeBaseListSchema, ...problems(400, 502) },
      },
    },
    async (request) => {
      const items = await all(request.query.q);
      return {
        items: withUsages(
          items,
          await findUsages(
            db,
            KNOWLEDGE_BASE_REFERENCE,
            items.map((kb) => kb.id),
          ),
        ),
        source: remote ? ('liveperson' as const) : ('local' as const),
      };
    },
  );

  app.get(
    '/api/knowledge-bases/:id',
    {
      schema: {
        tags: ['knowledge-bases'],
        summary: 'One knowledge base',
        params: entryParams,
        response: { 200: knowledgeBaseEntrySchema, ...problems(400, 404, 502) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const found = remote ? (await remote()).find((kb) => kb.id === id) : await knowledgeBases.get(id);
      if (!found) throw notFound(`Knowledge base ${id}`);
      return entry(found);
    },
  );

  app.post(
    '/api/knowledge-bases',
    {
      schema: {
        tags: ['knowledge-bases'],
        summary: 'Add a knowledge base',
        body: knowledgeBaseInputSchema,
        response: { 201: knowledgeBaseEntrySchema, ...problems(400, 409) },
      },
    },
    async (request, reply) => {
      refuseWhenRemote();
      const created = await knowledgeBases.create(request.body);
      return reply
        .code(201)
        .header('location', `/api/knowledge-bases/${encodeURIComponent(created.id)}`)
        .send(await entry(created));
    },
  );

  app.patch(
    '/api/knowledge-bases/:id',
    {
      schema: {
        tags: ['knowledge-bases'],
        summary: 'Rename a knowledge base or change its type or language (integrations refer to it by id, so they follow)',
        params: entryParams,
        body: knowledgeBasePatchSchema,
        response: { 200: knowledgeBaseEntrySchema, ...problems(400, 404, 409) },
      },
    },
    async (request) => {
      refuseWhenRemote();
      return entry(await knowledgeBases.update(request.params.id, request.body));
    },
  );

  app.delete(
    '/api/knowledge-bases/:id',
    {
      schema: {
        tags: ['knowledge-bases'],
        summary: 'Remove a knowledge base from the directory; 409 while integrations search it',
        params: entryParams,
        response: { 204: z.undefined().describe('Deleted'), ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      refuseWhenRemote();
      await knowledgeBases.delete(request.params.id);
      return reply.code(204).send();
    },
  );
};
