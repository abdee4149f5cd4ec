import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { simulateRequestSchema, simulateUnsavedRequestSchema, simulationOutputSchema } from '../../domain/simulation';
import { HttpProblem } from '../http/problems';
import type { BotsRepository } from '../bots/bots-repository';
import type { IntegrationsRepository } from '../integrations/integrations-repository';
import { botParams, integrationParams, problems } from '../http/route-schemas';
import { createSandbox, SandboxBusyError, type Sandbox } from './sandbox';
import { simulate, type SimulatedIntegration } from './simulate';
import type { FastifyReply } from 'fastify';
import type { Registry } from 'prom-client';
import type { SimulateRequestValues } from '../../domain/simulation';
import { createSimulatorMetrics, type SimulatorMetrics } from './simulator-metrics';
import type { AuditRecord } from '../db/audit';
import type { EnvironmentsRepository } from '../environments/environments-repository';
import { notFound } from '../errors';
import { maskSecrets } from './mask-secrets';
import { runEnvironment } from './run-environment';

interface SimulateRoutesOptions {
  /** Writes a test run to the audit trail (db/audit.ts). */
  audit?: (record: AuditRecord) => Promise<void>;
  bots: BotsRepository;
  integrations: IntegrationsRepository;
  /** Given by tests that want other limits; otherwise the plugin owns one and closes it with the app. */
  sandbox?: Sandbox;
  /** The app's metrics registry, where the runs, limits reached and queue are counted. */
  metrics: Registry;
  environments: EnvironmentsRepository;
}

const description =
  'Runs the Transform Result Script in a QuickJS sandbox (1 s CPU, 32 MB, 1.5 s wall clock) on a sample raw result, then reads every Custom Data Field, ' +
  'in a worker thread; the answer holds at most 1 MB of output, cut with a note. ' +
  'A script error or a limit reached is a 200 whose `error` says what happened; a malformed request is a 4xx; ' +
  'a 503 with Retry-After says that the simulator is full: it runs one test per core of the server, and a test that would wait more than 2 s for a core is refused rather than slowed down.';

async function withEnvironment(
  environments: EnvironmentsRepository,
  botId: string,
  request: SimulateRequestValues,
): Promise<{ request: SimulateRequestValues; secrets: string[] }> {
  const { environmentId, ...rest } = request;
  const { envVariables, secrets } = await runEnvironment(environments, botId, environmentId, rest.envVariables);
  return { request: { ...rest, envVariables }, secrets };
}

/** Runs one simulation, or answers 503 with Retry-After when the simulator queue is full. */
async function simulateOrRefuse(
  { sandbox, metrics, environments }: { sandbox: Sandbox; metrics: SimulatorMetrics; environments: EnvironmentsRepository },
  reply: FastifyReply,
  botId: string,
  integration: SimulatedIntegration,
  given: SimulateRequestValues,
) {
  const { request, secrets } = await withEnvironment(environments, botId, given);
  try {
    const output = maskSecrets(await simulate(sandbox, integration, request), secrets);
    metrics.finished(output);
    return output;
  } catch (error) {
    if (!(error instanceof SandboxBusyError)) throw error;
    metrics.refused();
    reply.header('retry-after', String(error.retryAfterSeconds));
    throw new HttpProblem(
      503,
      'Service Unavailable',
      `The simulator is running as many tests as it can take: try again in ${error.retryAfterSeconds} s.`,
    );
  }
}

export const simulateRoutes: FastifyPluginAsyncZod<SimulateRoutesOptions> = async (app, options) => {
  const { bots, integrations } = options;
  const sandbox = options.sandbox ?? createSandbox();
  if (!options.sandbox) app.addHook('onClose', () => sandbox.close());
  const simulator = { sandbox, metrics: createSimulatorMetrics(options.metrics, sandbox), environments: options.environments };

  app.post(
    '/api/bots/:botId/integrations/:id/simulate',
    {
      schema: {
        tags: ['simulator'],
        summary: 'Simulate a saved integration on a sample result',
        description,
        params: integrationParams,
        body: simulateRequestSchema,
        response: { 200: simulationOutputSchema, ...problems(400, 404, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const integration = await integrations.get(request.params.botId, request.params.id);
      const output = await simulateOrRefuse(simulator, reply, request.params.botId, integration, request.body);
      await options.audit?.({
        action: 'test-run',
        botId: integration.botId,
        integrationId: integration.id,
        summary: `Tested integration ${integration.name}`,
      });
      return output;
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
        response: { 200: simulationOutputSchema, ...problems(400, 404, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      if (!(await bots.exists(request.params.botId))) throw notFound(`Bot ${request.params.botId}`);
      const { integration, ...sample } = request.body;
      const output = await simulateOrRefuse(simulator, reply, request.params.botId, integration, sample);
      await options.audit?.({ action: 'test-run', botId: request.params.botId, summary: `Tested unsaved integration ${integration.name}` });
      return output;
    },
  );
};
