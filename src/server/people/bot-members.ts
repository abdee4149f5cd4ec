import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { botMemberInputSchema, botMemberSchema, roleSchema, type BotMember, type BotMemberRole } from '../../domain/people';
import { recordAudit } from '../db/audit';
import type { Database } from '../db/database';
import { botMembers, bots, people } from '../db/schema';
import { notFound } from '../errors';
import { botParams, problems } from '../http/route-schemas';
import type { ActorCache } from './actors';

type MemberRow = { botId: string; personId: string; role: BotMemberRole; name: string; email: string; globalRole: string };

const toMember = (row: MemberRow): BotMember => ({ ...row, globalRole: roleSchema.catch('viewer').parse(row.globalRole) });

/** People's roles on single bots: what the access hook reads with each person (see actorRoleOnBot). */
export function createBotMembersRepository(db: Database) {
  const columns = {
    botId: botMembers.botId,
    personId: botMembers.personId,
    role: botMembers.role,
    name: people.name,
    email: people.email,
    globalRole: people.role,
  };
  return {
    async list(botId: string): Promise<BotMember[]> {
      const [bot] = await db.select({ id: bots.id }).from(bots).where(eq(bots.id, botId));
      if (!bot) throw notFound(`Bot ${botId}`);
      const rows = await db
        .select(columns)
        .from(botMembers)
        .innerJoin(people, eq(people.id, botMembers.personId))
        .where(eq(botMembers.botId, botId))
        .orderBy(asc(people.name), asc(people.id));
      return rows.map(toMember);
    },

    /** Sets the role (the audit entry in the same transaction). */
    async set(botId: string, personId: string, role: BotMemberRole): Promise<BotMember> {
      return db.transaction(async (tx) => {
        const [bot] = await tx.select({ id: bots.id, name: bots.name }).from(bots).where(eq(bots.id, botId));
        if (!bot) throw notFound(`Bot ${botId}`);
        const [person] = await tx.select().from(people).where(eq(people.id, personId));
        if (!person) throw notFound(`Person ${personId}`);
        await tx
          .insert(botMembers)
          .values({ botId, personId, role })
          .onConflictDoUpdate({ target: [botMembers.botId, botMembers.personId], set: { role, updatedAt: new Date() } });
        await recordAudit(tx, {
          action: 'role-change',
          botId,
          summary:
            role === 'none' ? `Hid bot "${bot.name}" from ${person.name}` : `Gave ${person.name} the ${role} role on bot "${bot.name}"`,
        });
        return toMember({ botId, personId, role, name: person.name, email: person.email, globalRole: person.role });
      });
    },

    /** Takes the bot's role away: the person's own role holds there again. */
    async remove(botId: string, personId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [removed] = await tx
          .delete(botMembers)
          .where(and(eq(botMembers.botId, botId), eq(botMembers.personId, personId)))
          .returning({ personId: botMembers.personId });
        if (!removed) throw notFound(`A role of person ${personId} on bot ${botId}`);
        const [person] = await tx.select({ name: people.name }).from(people).where(eq(people.id, personId));
        await recordAudit(tx, {
          action: 'role-change',
          botId,
          summary: `${person?.name ?? personId} has their own role on this bot again`,
        });
      });
    },
  };
}

type BotMembersRepository = ReturnType<typeof createBotMembersRepository>;

const memberParams = botParams.extend({ personId: z.string().min(1).max(64) });

export const botMemberRoutes: FastifyPluginAsyncZod<{ members: BotMembersRepository; cache: ActorCache | null }> = async (
  app,
  { members, cache },
) => {
  app.get(
    '/api/bots/:botId/members',
    {
      schema: {
        tags: ['people'],
        summary: 'The people with a role of their own on this bot (admins only)',
        params: botParams,
        response: { 200: z.object({ items: z.array(botMemberSchema) }), ...problems(404) },
      },
    },
    async (request) => ({ items: await members.list(request.params.botId) }),
  );

  app.put(
    '/api/bots/:botId/members/:personId',
    {
      schema: {
        tags: ['people'],
        summary: 'Give a person a role on this bot only, above or below their own; none hides the bot from them (admins only)',
        params: memberParams,
        body: botMemberInputSchema,
        response: { 200: botMemberSchema, ...problems(400, 404) },
      },
    },
    async (request) => {
      const member = await members.set(request.params.botId, request.params.personId, request.body.role);
      cache?.clear();
      return member;
    },
  );

  app.delete(
    '/api/bots/:botId/members/:personId',
    {
      schema: {
        tags: ['people'],
        summary: "Take a person's role on this bot away: their own role holds there again (admins only)",
        params: memberParams,
        response: { 204: z.null(), ...problems(404) },
      },
    },
    async (request, reply) => {
      await members.remove(request.params.botId, request.params.personId);
      cache?.clear();
      return reply.code(204).send(null);
    },
  );
};
