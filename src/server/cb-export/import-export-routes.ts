import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { botInputSchema, botSchema } from '../../domain/bot';
import { integrationSchema } from '../../domain/integration';
import { importPlanSchema } from '../../domain/import-plan';
import { HttpProblem } from '../http/problems';
import { botParams, problems } from '../http/route-schemas';
import type { ImportExportRepository } from './import-export-repository';
import { planImportYielding, type ImportPlan } from './plan-import';
import { stringifyIndentedSliced } from '../http/sliced-json';
import { serializeCbExportSliced, toCbExportSteps } from './to-cb';
import { environmentNameIn } from './environment-name';
import { toNativeExportSteps } from './to-native';
import { mapSliced, runSliced } from '../event-loop-slices';
import type { CredentialsRepository } from '../credentials/credentials-repository';
import { mapPlanCredentials, withCredentialNames } from './credential-mapping';
import type { Database } from '../db/database';
import { downloadFileName } from '../../domain/file-names';

const importQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'], { error: 'dryRun must be true or false.' })
    .default('false')
    .transform((value) => value === 'true'),
  name: botInputSchema.shape.name
    .optional()
    .describe("The new bot's name instead of the file's: a bot of the file's name exists, and this one is to stand beside it"),
});

const exportQuery = z.strictObject({
  format: z.enum(['cb', 'native'], { error: 'format must be cb (Conversation Builder) or native.' }).default('cb'),
});

/** The dry-run answer: the plan without the kept extras, which can be large and are the file's own content. */
function planView(plan: ImportPlan) {
  return {
    ...plan,
    bot: { values: plan.bot.values, problems: plan.bot.problems, keptKeys: plan.bot.keptKeys },
    integrations: plan.integrations.map(({ extras: _extras, ...item }) => item),
  };
}

/** Every problem keyed by where the file has it; the message names the integration. */
function invalidPlanProblem(plan: ImportPlan): HttpProblem {
  const errors: Record<string, string> = {};
  for (const problem of plan.bot.problems) errors[problem.sourcePath] = problem.message;
  for (const item of plan.integrations) {
    for (const problem of item.problems) errors[problem.sourcePath] ??= `${item.sourceName}: ${problem.message}`;
  }
  const names = plan.integrations.filter((item) => item.problems.length > 0).map((item) => `"${item.sourceName}"`);
  const what = names.length > 0 ? `integration${names.length === 1 ? '' : 's'} ${names.join(', ')}` : 'the bot';
  return new HttpProblem(
    400,
    'Validation failed',
    `Nothing was imported: the file has ${plan.problemCount === 1 ? 'a problem' : `${plan.problemCount} problems`}, in ${what}. Run the import with ?dryRun=true to see the whole plan.`,
    errors,
  );
}

const fileNameOf = (botName: string, format: 'cb' | 'native'): string =>
  downloadFileName(botName, format === 'cb' ? 'json' : 'integrations-panel.json');

const IMPORT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * What other features keep of an integration in the native export (test cases): app.ts passes them, so this
 * feature knows nothing of them. The CB export has no place for them and leaves them out.
 */
interface IntegrationParts {
  /** The parts of each integration of the bot, by integration id, as the native file holds them. */
  exportParts(botId: string): Promise<Map<string, Record<string, unknown>>>;
  /** Reads the parts of each entry of a native file: problems keyed by their path in the file, or the writer. */
  readParts(entries: readonly unknown[]): {
    errors: Record<string, string>;
    write: (tx: Database, botId: string, integrationIds: string[]) => Promise<void>;
  };
}

export const importExportRoutes: FastifyPluginAsyncZod<{
  repository: ImportExportRepository;
  credentials: CredentialsRepository;
  parts?: IntegrationParts;
}> = async (app, { repository, credentials, parts }) => {
  app.post(
    '/api/bots/import',
    {
      // Whole bot exports carry every dialog: allow more than the API's usual 1 MB.
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags: ['import-export'],
        summary:
          'Import a bot from a Conversation Builder export or a native export; ?dryRun=true returns the plan only, ?name= gives the new bot another name',
        querystring: importQuery,
        body: z.unknown().describe('The export file as JSON'),
        response: {
          200: importPlanSchema,
          201: z.object({ bot: botSchema, integrations: z.array(integrationSchema) }),
          ...problems(400, 413, 415),
        },
      },
    },
    async (request, reply) => {
      if (request.body === undefined || request.body === null) {
        throw new HttpProblem(
          400,
          'Not a bot export',
          'The request has no body: send the export file as JSON (Content-Type: application/json).',
        );
      }
      const result = await planImportYielding(request.body);
      if (!result.ok) {
        if (result.tooLarge) throw new HttpProblem(413, 'Import too large', result.reason);
        const hasErrors = Object.keys(result.errors).length > 0;
        throw new HttpProblem(400, 'Not a bot export', result.reason, hasErrors ? result.errors : undefined);
      }
      const { name } = request.query;
      if (name !== undefined && result.plan.bot.values) result.plan.bot.values = { ...result.plan.bot.values, name };
      mapPlanCredentials(result.plan, await credentials.directory(), await repository.credentialHosts());
      if (request.query.dryRun) return reply.code(200).send(planView(result.plan));
      if (!result.plan.valid) throw invalidPlanProblem(result.plan);
      const entries = result.plan.format === 'native' ? ((request.body as { integrations?: unknown[] }).integrations ?? []) : [];
      const kept = parts?.readParts(entries);
      if (kept && Object.keys(kept.errors).length > 0) {
        throw new HttpProblem(400, 'Validation failed', 'Nothing was imported: a test case of the file is not valid.', kept.errors);
      }
      const imported = await repository.importPlan(result.plan, environmentNameIn(request.body), (tx, botId, created) =>
        kept
          ? kept.write(
              tx,
              botId,
              created.map((integration) => integration.id),
            )
          : Promise.resolve(),
      );
      return reply.code(201).header('location', `/api/bots/${imported.bot.id}`).send(imported);
    },
  );

  app.get(
    '/api/bots/:botId/export',
    {
      schema: {
        tags: ['import-export'],
        summary: 'Download a bot as a Conversation Builder export (format=cb) or a native export (format=native)',
        params: botParams,
        querystring: exportQuery,
        response: { 200: z.unknown().describe('The export file'), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const { bot, environmentName, extras, integrations } = await repository.readForExport(request.params.botId);
      const { format } = request.query;
      await repository.recordExport(bot.id, bot.name, format);
      const directory = format === 'cb' ? await credentials.directory() : [];
      // Sent as text: CB's own layout, so a re-exported file matches the imported one byte for byte.
      // Built and written in slices: a bot of 5,000 integrations does not hold other requests meanwhile.
      const file =
        format === 'cb'
          ? await serializeCbExportSliced(
              await runSliced(
                toCbExportSteps({
                  ...bot,
                  environmentName,
                  extras,
                  integrations: await mapSliced(integrations, ({ integration, extras: kept }) => ({
                    id: integration.id,
                    values: withCredentialNames(integration, directory),
                    extras: kept,
                  })),
                }),
              ),
            )
          : await stringifyIndentedSliced(
              await runSliced(toNativeExportSteps({ ...bot, environmentName }, extras, integrations, await parts?.exportParts(bot.id))),
            );
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileNameOf(bot.name, format)}"`)
        .send(file);
    },
  );
};
