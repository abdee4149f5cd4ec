import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { skillIdSchema, skillInputSchema, skillPatchSchema, skillQuerySchema, skillSchema, type Skill } from '../../domain/skill';
import type { Database } from '../db/database';
import { createSharedCachedSource, sharedListName } from '../directories/cached-source';
import { HttpProblem } from '../http/problems';
import { problems } from '../http/route-schemas';
import { fetchLiveEngageSkills, type LiveEngageSettings } from './liveengage-skills';
import { matchesSkill, type SkillsRepository } from './skills-repository';

const skillParams = z.strictObject({ id: skillIdSchema });

export const skillRoutes: FastifyPluginAsyncZod<{ db: Database; skills: SkillsRepository; liveEngage: LiveEngageSettings | null }> = async (
  app,
  { db, skills, liveEngage },
) => {
  const liveEngageSkills = liveEngage
    ? createSharedCachedSource({ db, source: sharedListName('skills', liveEngage) }, () => fetchLiveEngageSkills(liveEngage))
    : async (): Promise<Skill[]> => [];
  function refuseWhenRemote() {
    if (liveEngage) {
      throw new HttpProblem(
        409,
        'Conflict',
        'The skill directory is read from your Conversational Cloud account (LP_ACCOUNT_ID is set): change skills there.',
      );
    }
  }

  app.get(
    '/api/skills',
    {
      schema: {
        tags: ['skills'],
        summary: 'The skill directory, by name; q searches names (ignoring case) and id prefixes',
        querystring: skillQuerySchema,
        response: { 200: z.object({ items: z.array(skillSchema), source: z.enum(['local', 'liveengage']) }), ...problems(400, 502) },
      },
    },
    async (request) =>
      liveEngage
        ? { items: (await liveEngageSkills()).filter((skill) => matchesSkill(skill, request.query.q)), source: 'liveengage' as const }
        : { items: await skills.list(request.query.q), source: 'local' as const },
  );

  app.post(
    '/api/skills',
    { schema: { tags: ['skills'], summary: 'Add a skill', body: skillInputSchema, response: { 201: skillSchema, ...problems(400, 409) } } },
    async (request, reply) => {
      refuseWhenRemote();
      const skill = await skills.create(request.body);
      return reply.code(201).header('location', `/api/skills/${skill.id}`).send(skill);
    },
  );

  app.patch(
    '/api/skills/:id',
    {
      schema: {
        tags: ['skills'],
        summary: 'Rename a skill',
        params: skillParams,
        body: skillPatchSchema,
        response: { 200: skillSchema, ...problems(400, 404, 409) },
      },
    },
    async (request) => {
      refuseWhenRemote();
      return skills.rename(request.params.id, request.body.name);
    },
  );

  app.delete(
    '/api/skills/:id',
    {
      schema: {
        tags: ['skills'],
        summary: 'Remove a skill from the directory',
        params: skillParams,
        response: { 204: z.undefined().describe('Deleted'), ...problems(400, 404, 409) },
      },
    },
    async (request, reply) => {
      refuseWhenRemote();
      await skills.delete(request.params.id);
      return reply.code(204).send();
    },
  );
};
