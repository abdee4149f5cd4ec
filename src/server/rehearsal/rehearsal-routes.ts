import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { rehearsalRequestSchema, rehearsalSchema, transferCoverageSchema } from '../../domain/rehearsal';
import type { BotExtras } from '../../domain/cb-export';
import type { Database } from '../db/database';
import { HttpProblem } from '../http/problems';
import { botParams, problems } from '../http/route-schemas';
import { loadBot } from '../dialogs/bot-dialogs-store';
import type { KeptFileCache } from '../dialogs/kept-file-cache';
import { SandboxBusyError, type Sandbox } from '../simulator/sandbox';
import { simulate } from '../simulator/simulate';
import { rehearse, type RehearsalBot, type RunCode } from './rehearsal-engine';
import { transferCoverage } from './transfer-coverage';

export interface RehearsalRoutesOptions {
  db: Database;
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

export const rehearsalRoutes: FastifyPluginAsyncZod<RehearsalRoutesOptions> = async (app, { db, sandbox, keptFiles }) => {
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
      const bot = await load(request.params.botId);
      return orBusy(reply, async () => (await rehearse(bot, request.body, runCode)).rehearsal);
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
      return orBusy(reply, async () => ({ items: await transferCoverage(bot, runCode) }));
    },
  );
};
