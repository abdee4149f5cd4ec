import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiKeyInputSchema,
  apiKeySummarySchema,
  AUDIT_ACTIONS,
  auditEntrySchema,
  personInputSchema,
  personPatchSchema,
  personSchema,
  roleSchema,
} from '../../domain/people';
import { hiddenBotsOf, LOCAL_ACTOR } from '../db/actor-context';
import type { Database } from '../db/database';
import { badRequest } from '../errors';
import { problems } from '../http/route-schemas';
import type { ActorCache } from './actors';
import { createAuditRepository } from './audit-repository';
import type { PeopleRepository } from './people-repository';

const personParams = z.strictObject({ id: z.string().min(1).max(64) });

export const peopleRoutes: FastifyPluginAsyncZod<{
  people: PeopleRepository;
  cache: ActorCache | null;
}> = async (app, { people, cache }) => {
  /** A change to people or keys is seen at once by this server; other servers within ACTOR_CACHE_MS. */
  const forgetActors = () => cache?.clear();
  const actorOf = (request: { actor?: typeof LOCAL_ACTOR }) => request.actor ?? LOCAL_ACTOR;

  app.get(
    '/api/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Everyone who can sign in (admins only)',
        response: { 200: z.object({ items: z.array(personSchema) }) },
      },
    },
    async () => ({ items: await people.list() }),
  );

  app.post(
    '/api/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Add a person: with a password the account is ready; without, an invite link valid 7 days',
        body: personInputSchema,
        response: { 201: z.object({ person: personSchema, inviteUrl: z.string().optional() }), ...problems(400, 409) },
      },
    },
    async (request, reply) => {
      const { person, inviteToken } = await people.create(request.body);
      const origin = `${request.protocol}://${request.host}`;
      const inviteUrl = inviteToken ? `${origin}/invite?token=${encodeURIComponent(inviteToken)}` : undefined;
      return reply.code(201).send({ person, ...(inviteUrl ? { inviteUrl } : {}) });
    },
  );

  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: "Change a person's role, or deactivate them (their sessions and keys stop at once)",
        params: personParams,
        body: personPatchSchema,
        response: { 200: personSchema, ...problems(400, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.personId === request.params.id && (request.body.active === false || (request.body.role && request.body.role !== 'admin'))) {
        throw badRequest('You cannot deactivate yourself or take away your own admin role: ask another admin.', {
          [request.body.active === false ? 'active' : 'role']: 'Another admin has to make this change.',
        });
      }
      const person = await people.update(request.params.id, request.body);
      forgetActors();
      return person;
    },
  );

  app.get(
    '/api/me/api-keys',
    {
      schema: {
        tags: ['people'],
        summary: 'Your API keys (never the keys themselves), with when each was last used',
        response: { 200: z.object({ items: z.array(apiKeySummarySchema) }) },
      },
    },
    async (request) => {
      const personId = actorOf(request).personId;
      return { items: personId ? await people.listKeys(personId) : [] };
    },
  );

  app.post(
    '/api/me/api-keys',
    {
      schema: {
        tags: ['people'],
        summary: 'Create an API key: the key is answered once and stored hashed; its role is at most yours',
        body: apiKeyInputSchema,
        response: { 201: z.object({ id: z.string(), name: z.string(), role: roleSchema, key: z.string() }), ...problems(400) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!actor.personId) throw badRequest('Keys belong to a person: sign in as one to create a key.');
      return reply.code(201).send(await people.createKey(actor.personId, actor.role, request.body));
    },
  );

  app.delete(
    '/api/me/api-keys/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'Revoke an API key (admins: anyone’s)',
        params: personParams,
        response: { 204: z.null(), ...problems(404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await people.revokeKey(request.params.id, actor.role === 'admin' ? null : (actor.personId ?? ''));
      forgetActors();
      return reply.code(204).send(null);
    },
  );
};

/** The trail is read in every mode: with AUTH=none its entries are the local builder's. */
export const auditRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  const audit = createAuditRepository(db);
  const actorOf = (request: { actor?: typeof LOCAL_ACTOR }) => request.actor ?? LOCAL_ACTOR;
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['people'],
        summary: 'Who did what, newest first: admins see everything, builders the entries of bots',
        querystring: z.strictObject({
          botId: z.uuid('botId must be a UUID.').optional(),
          actor: z.string().max(200).optional(),
          action: z.enum(AUDIT_ACTIONS, { error: `action must be one of ${AUDIT_ACTIONS.join(', ')}.` }).optional(),
          since: z.iso.datetime({ offset: true, error: 'since is a date and time such as 2026-12-01T00:00:00Z.' }).optional(),
          cursor: z
            .string()
            .regex(/^[1-9]\d{0,17}$/, 'cursor is not one this API gave out: pass nextCursor unchanged.')
            .optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }), ...problems(400) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return audit.list({ ...request.query, botsOnly: actor.role !== 'admin', hiddenBots: hiddenBotsOf(actor) });
    },
  );
};
