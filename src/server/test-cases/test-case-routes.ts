import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { testCaseChangeSchema, testCaseInputSchema, testCaseSchema, testRunRequestSchema, testRunSchema } from '../../domain/test-cases';
import { sendNotModified, setEtag, writeIfMatch } from '../http/etag';
import { botParams, ifMatchHeader, problems } from '../http/route-schemas';
import { notFound } from '../errors';
import type { BotsRepository } from '../bots/bots-repository';
import type { IntegrationsRepository } from '../integrations/integrations-repository';
import { checkPatterns } from './matchers';
import { toJunit } from './junit';
import type { TestCasesRepository } from './test-cases-repository';
import type { TestRunner } from './test-runner';

const integrationParams = botParams.extend({ integrationId: z.uuid('integrationId must be a UUID.') });
const testCaseParams = integrationParams.extend({ testCaseId: z.uuid('testCaseId must be a UUID.') });
const runParams = botParams.extend({ runId: z.uuid('runId must be a UUID.') });

const lastRunSchema = z.object({ runId: z.uuid(), status: z.enum(['passed', 'failed', 'error']) }).nullable();
const listedTestCaseSchema = testCaseSchema.extend({ lastRun: lastRunSchema });

export const testCaseRoutes: FastifyPluginAsyncZod<{
  bots: BotsRepository;
  integrations: IntegrationsRepository;
  testCases: TestCasesRepository;
  runner: TestRunner;
}> = async (app, { bots, integrations, testCases, runner }) => {
  app.addHook('onClose', () => runner.settle());
  const base = '/api/bots/:botId/integrations/:integrationId/test-cases';
  const current = (botId: string, integrationId: string, id: string) => async () => (await testCases.get(botId, integrationId, id)).version;

  app.get(
    base,
    {
      schema: {
        tags: ['test cases'],
        summary: "An integration's test cases, each with its last run against the saved integration",
        params: integrationParams,
        response: { 200: z.object({ items: z.array(listedTestCaseSchema) }), ...problems(400, 404) },
      },
    },
    async (request) => {
      const { botId, integrationId } = request.params;
      await integrations.get(botId, integrationId);
      return { items: await testCases.list(botId, integrationId) };
    },
  );

  app.post(
    base,
    {
      schema: {
        tags: ['test cases'],
        summary: 'Create a test case: a sample result, variables, and what must hold after the run (expect)',
        params: integrationParams,
        body: testCaseInputSchema,
        response: { 201: testCaseSchema, ...problems(400, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const { botId, integrationId } = request.params;
      checkPatterns(request.body.expect);
      await integrations.get(botId, integrationId);
      const created = await testCases.create(botId, integrationId, request.body);
      setEtag(reply, created.version);
      return reply.code(201).header('location', `/api/bots/${botId}/integrations/${integrationId}/test-cases/${created.id}`).send(created);
    },
  );

  app.get(
    `${base}/:testCaseId`,
    {
      schema: {
        tags: ['test cases'],
        summary: 'Read a test case with its ETag',
        params: testCaseParams,
        response: { 200: listedTestCaseSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const { botId, integrationId, testCaseId } = request.params;
      const testCase = await testCases.get(botId, integrationId, testCaseId);
      if (sendNotModified(request, reply, testCase.version)) return reply;
      setEtag(reply, testCase.version);
      return testCase;
    },
  );

  app.put(
    `${base}/:testCaseId`,
    {
      schema: {
        tags: ['test cases'],
        summary: 'Replace a test case (If-Match required: 412 when stale, 428 when missing)',
        params: testCaseParams,
        headers: ifMatchHeader,
        body: testCaseInputSchema,
        response: { 200: testCaseSchema, ...problems(400, 404, 412, 413, 415, 428) },
      },
    },
    async (request, reply) => {
      const { botId, integrationId, testCaseId } = request.params;
      checkPatterns(request.body.expect);
      const updated = await writeIfMatch(request, current(botId, integrationId, testCaseId), (version) =>
        testCases.replace(botId, integrationId, testCaseId, version, request.body),
      );
      setEtag(reply, updated.version);
      return updated;
    },
  );

  app.delete(
    `${base}/:testCaseId`,
    {
      schema: {
        tags: ['test cases'],
        summary: 'Delete a test case (If-Match required)',
        params: testCaseParams,
        headers: ifMatchHeader,
        response: { 204: z.undefined().describe('Deleted'), ...problems(400, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const { botId, integrationId, testCaseId } = request.params;
      await writeIfMatch(request, current(botId, integrationId, testCaseId), (version) =>
        testCases.delete(botId, integrationId, testCaseId, version),
      );
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/bots/:botId/integrations/:integrationId/test-case-revisions',
    {
      schema: {
        tags: ['test cases'],
        summary: "The history of an integration's test cases (created, changed, renamed or restored with it, deleted), newest first",
        params: integrationParams,
        response: {
          200: z.object({
            items: z.array(
              testCaseChangeSchema.extend({
                version: z.number().int(),
                /** The integration's version the change was made with (History lists it there). */
                integrationVersion: z.number().int(),
                createdAt: z.iso.datetime(),
              }),
            ),
          }),
          ...problems(400, 404),
        },
      },
    },
    async (request) => {
      const { botId, integrationId } = request.params;
      return { items: await testCases.revisions(botId, integrationId) };
    },
  );

  app.get(
    '/api/bots/:botId/test-cases/failing',
    {
      schema: {
        tags: ['test cases'],
        summary: 'The integrations whose test cases failed their last run against the saved integration (the badges)',
        params: botParams,
        response: {
          200: z.object({ items: z.array(z.object({ integrationId: z.uuid(), runId: z.uuid(), failed: z.number().int() })) }),
          ...problems(400, 404),
        },
      },
    },
    async (request) => {
      if (!(await bots.exists(request.params.botId))) throw notFound(`Bot ${request.params.botId}`);
      return { items: await testCases.failing(request.params.botId) };
    },
  );

  app.post(
    '/api/bots/:botId/test-runs',
    {
      schema: {
        tags: ['test cases'],
        summary: "Run the bot's test cases (or those of some integrations, some test cases, or one unsaved integration body)",
        description:
          'Each test case runs in the simulator (same sandbox and budgets as /simulate), at most 4 at once. A result is `error` when the run stopped with an error the test case did not expect (a limit reached, a script error).',
        params: botParams,
        body: testRunRequestSchema,
        response: { 201: testRunSchema, ...problems(400, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const { botId } = request.params;
      if (!(await bots.exists(botId))) throw notFound(`Bot ${botId}`);
      const run = await runner.run(botId, request.body);
      return reply.code(201).header('location', `/api/bots/${botId}/test-runs/${run.id}`).send(run);
    },
  );

  app.get(
    '/api/bots/:botId/test-runs/:runId',
    {
      schema: {
        tags: ['test cases'],
        summary: 'Read a test run again; ?format=junit answers JUnit XML (application/xml) for CI',
        params: runParams,
        querystring: z.strictObject({ format: z.enum(['json', 'junit'], { error: 'format must be json or junit.' }).default('json') }),
        response: { 200: testRunSchema.or(z.string()), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const { botId, runId } = request.params;
      const run = await testCases.getRun(botId, runId);
      if (request.query.format === 'json') return run;
      const bot = await bots.get(botId);
      return reply
        .type('application/xml; charset=utf-8')
        .serializer((payload: string) => payload)
        .send(toJunit(run, bot.name));
    },
  );
};

/** The routes that change a saved integration: after each, its test cases run in the background. */
const SAVES = new Set([
  'PUT /api/bots/:botId/integrations/:id',
  'POST /api/bots/:botId/integrations/:id/rename',
  'POST /api/bots/:botId/integrations/:id/revisions/:version/restore',
]);
/**
 * On the root instance, before the integration routes are registered: the hook watches their answers, so
 * the integrations feature needs to know nothing of test cases.
 */
export function registerRunAfterSave(app: FastifyInstance, { runner }: { runner: TestRunner }): void {
  const routeOf = (request: FastifyRequest) => `${request.method} ${request.routeOptions.url}`;
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode !== 200 || !SAVES.has(routeOf(request))) return;
    const { botId, id } = request.params as { botId: string; id: string };
    // A dry-run rename changes nothing.
    if ((request.query as { dryRun?: unknown } | undefined)?.dryRun === true) return;
    const log = (error: unknown) => request.log.error({ err: error }, 'the test cases after a save could not run');
    runner.runAfterSave(botId, id, log);
  });
}
