import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { credentialInputSchema, credentialListSchema, credentialPatchSchema, credentialSchema } from '../../domain/directories/credential';
import { directoryQuerySchema } from '../../domain/directories/directory-usage';
import { problems } from '../http/route-schemas';
import type { CredentialsRepository } from './credentials-repository';

const credentialParams = z.strictObject({ id: z.uuid('id must be a credential id (a UUID).') });

/** Secrets go in (POST, PATCH) and never come out: every answer is credentialSchema, which has no place for them. */
export const credentialRoutes: FastifyPluginAsyncZod<{ credentials: CredentialsRepository }> = async (app, { credentials }) => {
  app.get(
    '/api/credentials',
    {
      schema: {
        tags: ['credentials'],
        summary:
          'The credentials, by name, with the integrations that use each; secrets only as set or not; q searches names and id prefixes',
        querystring: directoryQuerySchema,
        response: { 200: credentialListSchema, ...problems(400) },
      },
    },
    async (request) => ({ items: await credentials.list(request.query.q) }),
  );

  app.get(
    '/api/credentials/:id',
    {
      schema: {
        tags: ['credentials'],
        summary: 'One credential (secrets only as set or not)',
        params: credentialParams,
        response: { 200: credentialSchema, ...problems(400, 404) },
      },
    },
    async (request) => credentials.get(request.params.id),
  );

  app.post(
    '/api/credentials',
    {
      schema: {
        tags: ['credentials'],
        summary: 'Add a credential: name, type, its fields, and its secrets (write-only, stored encrypted)',
        body: credentialInputSchema,
        response: { 201: credentialSchema, ...problems(400, 409) },
      },
    },
    async (request, reply) => {
      const created = await credentials.create(request.body);
      return reply.code(201).header('location', `/api/credentials/${created.id}`).send(created);
    },
  );

  app.patch(
    '/api/credentials/:id',
    {
      schema: {
        tags: ['credentials'],
        summary: 'Rename a credential or change its fields; a secret given is replaced, null clears it, left out keeps it',
        params: credentialParams,
        body: credentialPatchSchema,
        response: { 200: credentialSchema, ...problems(400, 404, 409) },
      },
    },
    async (request) => credentials.update(request.params.id, request.body),
  );

  app.delete(
    '/api/credentials/:id',
    {
      schema: {
        tags: ['credentials'],
        summary: 'Delete a credential; 409 with the integrations while any uses it',
        params: credentialParams,
        response: { 204: z.undefined().describe('Deleted'), ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      await credentials.delete(request.params.id);
      return reply.code(204).send();
    },
  );
};
