import fastifyCompress from '@fastify/compress';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { ServerConfig } from './config';
import type { DatabaseHandle } from './db/database';
import { answerFrameworkError, registerErrorHandling } from './http/error-handler';
import { responseSerializerCompiler } from './http/response-serializer';
import { registerUnstorableTextCheck } from './http/unstorable-text';
import { registerAdminToken, registerSecurityHeaders } from './http/security';
import { registerWebApp } from './http/web-app';
import { readBuildId } from './http/build-id';
import { createBotsRepository } from './repositories/bots-repository';
import { createIntegrationsRepository } from './repositories/integrations-repository';
import { createRevisionsRepository } from './repositories/revisions-repository';
import { botRoutes } from './routes/bot-routes';
import { healthRoutes } from './routes/health-routes';
import { integrationRoutes } from './routes/integration-routes';
import { revisionRoutes } from './routes/revision-routes';
import { testingRoutes } from './routes/testing-routes';
import { createImportExportRepository } from './cb-export/import-export-repository';
import { importExportRoutes } from './cb-export/import-export-routes';
import { skillRoutes } from './skills/skill-routes';
import { createSkillsRepository } from './skills/skills-repository';
import { simulateRoutes } from './simulator/simulate-routes';

export type AppOptions = Pick<
  ServerConfig,
  'enableTestApi' | 'logLevel' | 'webRoot' | 'corsOrigin' | 'adminToken' | 'liveEngage'
>;

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Plugins first, then routes; the database is opened (and migrated) by the caller. */
export async function buildApp(database: DatabaseHandle, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    // Route params are UUIDs; keep the default max length but report bad ones as 400 via zod.
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: answerFrameworkError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  // The API speaks JSON only: a text body is answered 415 rather than validated as a string.
  app.removeContentTypeParser('text/plain');

  // Before the static files and routes it wraps: Monaco's chunks and long lists shrink 4-5 times on the wire.
  await app.register(fastifyCompress, { threshold: 1024 });
  const hasWebApp = await registerWebApp(app, options.webRoot);
  registerErrorHandling(app, { spaIndex: hasWebApp });
  await registerSecurityHeaders(app, options.corsOrigin);
  registerAdminToken(app, options.adminToken);
  registerUnstorableTextCheck(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Integrations Panel API',
        description: "Bots and their Conversation Builder integrations. Errors are application/problem+json (RFC 9457).",
        version: '1.0.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const bots = createBotsRepository(database.db);
  const integrations = createIntegrationsRepository(database.db);
  await app.register(healthRoutes, { database, build: readBuildId(options.webRoot) });
  await app.register(botRoutes, { bots });
  await app.register(integrationRoutes, { bots, integrations });
  await app.register(simulateRoutes, { bots, integrations });
  await app.register(importExportRoutes, { repository: createImportExportRepository(database.db, bots, integrations) });
  await app.register(revisionRoutes, { revisions: createRevisionsRepository(database.db, integrations) });
  const skills = createSkillsRepository(database.db);
  await app.register(skillRoutes, { skills, liveEngage: options.liveEngage });
  if (options.enableTestApi) await app.register(testingRoutes, { db: database.db, bots, integrations, skills });
  return app;
}
