import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { rehearsalRequestSchema, rehearsalSchema, transferCoverageSchema, type RehearsalRequest } from '../../domain/rehearsal';
import type { BotExtras } from '../../domain/cb-export';
import type { Database } from '../db/database';
import { HttpProblem } from '../http/problems';
import { botParams, problems } from '../http/route-schemas';
import { loadBot } from '../dialogs/bot-dialogs-store';
import type { KeptFileCache } from '../dialogs/kept-file-cache';
import { SandboxBusyError, type Sandbox } from '../simulator/sandbox';
import { simulate } from '../simulator/simulate';
import { rehearse, type RehearsalBot, type RehearseOptions, type RunCode } from './rehearsal-engine';
import { transferCoverage } from './transfer-coverage';
import type { TestCasesRepository } from '../test-cases/test-cases-repository';
import type { EnvironmentsRepository } from '../environments/environments-repository';
import { runEnvironment } from '../simulator/run-environment';
import { maskSecrets } from '../simulator/mask-secrets';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `integrationResults` with each test case id replaced by that test case's sample, when the test case is one
 * of the named integration's; an id that is not stays as it is, and the rehearsal warns and uses the sample.
 */
async function withTestCaseSamples(
  testCases: TestCasesRepository,
  botId: string,
  bot: RehearsalBot,
  given: RehearsalRequest['integrationResults'],
): Promise<RehearseOptions['integrationResults']> {
  if (!given) return given;
  const ids = [...new Set(Object.values(given).filter((value): value is string => typeof value === 'string' && UUID.test(value)))];
  const found = new Map(ids.length ? (await testCases.forRun(botId, { testCaseIds: ids })).map((testCase) => [testCase.id, testCase]) : []);
  const idsByName = new Map(bot.model.integrations.map(({ integration }) => [integration.name, integration.id]));
  return Object.fromEntries(
    Object.entries(given).map(([name, value]) => {
      const testCase = typeof value === 'string' ? found.get(value) : undefined;
      return [name, testCase && testCase.integrationId === idsByName.get(name) ? testCase.sample : value];
    }),
  );
}

interface RehearsalRoutesOptions {
  db: Database;
  testCases: TestCasesRepository;
  environments: EnvironmentsRepository;
  /** The simulator's sandbox: code in a rehearsal runs with the Test panel's budgets and shares its workers. */
  sandbox: Sandbox;
  /** The parsed kept files of this process, shared with the dialogs routes. */
  keptFiles: KeptFileCache;
}

/** Bot Settings' "default user-friendly response", kept in the imported file's `bot.botAttributes`. */
function defaultErrorMessageOf(extras: BotExtras | null): string | null {
  const attributes = extras?.bot.unmapped.botAttributes;
  if (typeof attributes !== 'object' || attributes === null) return null;
  const message = (attributes as Record<string, unknown>).DEFAULT_ERROR_MESSAGE;
  return typeof message === 'string' && message.trim() !== '' ? message : null;
}

export const rehearsalRoutes: FastifyPluginAsyncZod<RehearsalRoutesOptions> = async (
  app,
  { db, sandbox, keptFiles, testCases, environments },
) => {
  const load = async (botId: string): Promise<RehearsalBot> => {
    const loaded = await db.transaction((tx) => loadBot(tx, keptFiles, botId));
    return { model: loaded.model, defaultErrorMessage: defaultErrorMessageOf(loaded.extras) };
  };
  const runCode: RunCode = (integration, request) => simulate(sandbox, integration, request);
  /** A full simulator is a 503 with Retry-After, as for the Test panel. */
  const orBusy = async <T>(reply: { header(name: string, value: string): unknown }, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof SandboxBusyError)) throw error;
      reply.header('retry-after', String(error.retryAfterSeconds));
      throw new HttpProblem(503, 'Service Unavailable', `The simulator is busy: try again in ${error.retryAfterSeconds} s.`);
    }
  };

  app.post(
    '/api/bots/:botId/rehearsals',
    {
      schema: {
        tags: ['rehearsal'],
        summary: "Play the bot's dialogs as a chat: customer messages in, what the customer sees, the steps and the transfer out",
        description:
          'Starters, questions and response rules, pre- and post-process code and transform scripts (in the simulator sandbox, same budgets), ' +
          'integrations answered by `integrationResults` or their sample, Agent Transfer and Agent Escalation played with `transferOutcome`. ' +
          'What it cannot run (an NLU intent, a channel-specific element) is a warning. A walk stops after a step budget.',
        params: botParams,
        body: rehearsalRequestSchema,
        response: { 200: rehearsalSchema, ...problems(400, 404, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const { botId } = request.params;
      const bot = await load(botId);
      const { environmentId, integrationResults, ...rest } = request.body;
      const { envVariables, secrets } = await runEnvironment(environments, botId, environmentId, []);
      const options = { ...rest, envVariables, integrationResults: await withTestCaseSamples(testCases, botId, bot, integrationResults) };
      // Secret values reach the code and the texts; what the answer shows of them is masked, as in the Test panel.
      return orBusy(reply, async () => maskSecrets((await rehearse(bot, options, runCode)).rehearsal, secrets));
    },
  );

  app.get(
    '/api/bots/:botId/transfer-coverage',
    {
      schema: {
        tags: ['rehearsal'],
        summary:
          'Every escalation path of the bot rehearsed through every transfer outcome: what the customer sees, and whether the bot chose it',
        params: botParams,
        response: { 200: transferCoverageSchema, ...problems(400, 404, 503) },
      },
    },
    async (request, reply) => {
      const bot = await load(request.params.botId);
      const { envVariables, secrets } = await runEnvironment(environments, request.params.botId, undefined, []);
      return orBusy(reply, async () => ({ items: maskSecrets(await transferCoverage(bot, runCode, envVariables), secrets) }));
    },
  );
};
