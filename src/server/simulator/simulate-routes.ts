import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { simulateRequestSchema, simulateUnsavedRequestSchema, simulationOutputSchema } from '../../domain/simulation';
import { notFound } from '../http/problems';
import type { BotsRepository } from '../repositories/bots-repository';
import type { IntegrationsRepository } from '../repositories/integrations-repository';
import { botParams, integrationParams, problems } from '../routes/route-schemas';
import { createSandbox, type Sandbox } from './sandbox';
import { simulate } from './simulate';

export interface SimulateRoutesOptions {
  bots: BotsRepository;
  integrations: IntegrationsRepository;
  /** Given by tests that want other limits; otherwise the plugin owns one and closes it with the app. */
  sandbox?: Sandbox;
}

const description =
  'Runs the Transform Result Script in a QuickJS sandbox (1 s CPU, 32 MB) on a sample raw result, then reads every Custom Data Field. ' +
  'A script error or a sandbox limit is a 200 whose `error` says what happened; only a malformed request is a 4xx.';

export const simulateRoutes: FastifyPluginAsyncZod<SimulateRoutesOptions> = async (app, options) => {
  const { bots, integrations } = options;
  const sandbox = options.sandbox ?? createSandbox();
  if (!options.sandbox) app.addHook('onClose', () => sandbox.close());

  app.post(
    '/api/bots/:botId/integrations/:id/simulate',
    {
      schema: {
        tags: ['simulator'],
        summary: 'Simulate a saved integration on a sample result',
        description,
        params: integrationParams,
        body: simulateRequestSchema,
        response: { 200: simulationOutputSchema, ...problems(400, 404, 413, 415) },
      },
    },
    async (request) => {
      const integration = await integrations.get(request.params.botId, request.params.id);
      return simulate(sandbox, integration, request.body);
    },
  );

  app.post(
    '/api/bots/:botId/simulate',
    {
      schema: {
        tags: ['simulator'],
        summary: 'Simulate an unsaved integration (the create body, as `integration`) on a sample result',
        description,
        params: botParams,
        body: simulateUnsavedRequestSchema,
        response: { 200: simulationOutputSchema, ...problems(400, 404, 413, 415) },
      },
    },
    async (request) => {
      if (!(await bots.exists(request.params.botId))) throw notFound(`Bot ${request.params.botId}`);
      const { integration, ...sample } = request.body;
      return simulate(sandbox, integration, sample);
    },
  );
};
