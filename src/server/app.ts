import fastifyCompress from '@fastify/compress';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { ServerConfig } from './config';
import type { DatabaseHandle } from './db/database';
import { answerClientError } from './http/client-errors';
import { answerFrameworkError, registerErrorHandling } from './http/error-handler';
import { registerDatabaseGate } from './http/database-availability';
import { registerJsonBodyParser } from './http/json-body';
import { responseSerializerCompiler } from './http/response-serializer';
import { registerUnstorableTextCheck } from './http/unstorable-text';
import { registerSecurityHeaders } from './http/security';
import { LOG_REDACTION } from './http/log-redaction';
import { allowedHostNames, registerHostCheck } from './http/host-check';
import { registerWebApp } from './http/web-app';
import { createWebAssetsStore } from './http/web-assets-store';
import { registerPublicPlugin, registerRouteAccess } from './http/route-access';
import { readBuildId } from './http/build-id';
import { requestIdOf, registerRequestIdHeader } from './http/request-id';
import { AccessLogController } from './http/access-log';
import { countRequests, createAppMetrics, registerMetricsRoute } from './http/metrics';
import { createBotsRepository } from './bots/bots-repository';
import { createListCursors } from './db/cursor';
import { createIntegrationsRepository } from './integrations/integrations-repository';
import { createRevisionsRepository } from './revisions/revisions-repository';
import { botRoutes } from './bots/bot-routes';
import { healthRoutes } from './health/health-routes';
import { integrationRoutes } from './integrations/integration-routes';
import { revisionRoutes } from './revisions/revision-routes';
import { testingRoutes } from './demo/testing-routes';
import { createImportExportRepository } from './cb-export/import-export-repository';
import { importExportRoutes } from './cb-export/import-export-routes';
import { simulateRoutes } from './simulator/simulate-routes';
import { createSandbox } from './simulator/sandbox';
import { createKeptFileCache } from './dialogs/kept-file-cache';
import { rehearsalRoutes } from './rehearsal/rehearsal-routes';
import { dialogRoutes } from './dialogs/dialog-routes';
import { createDialogsRepository } from './dialogs/dialogs-repository';
import { createCredentialsRepository } from './credentials/credentials-repository';
import type { SecretBox } from './credentials/secret-box';
import { DIRECTORIES, type DirectoryKind } from '../domain/directories';
import { MAX_PATH_PARAM_LENGTH } from '../domain/directories/directory-kit';
import { directoryRoutes } from './directories/directory-routes';
import { createSharedCachedSource, sharedListName, type SharedList } from './directories/cached-source';
import { REMOTE_LISTS, type RemoteEntry } from './directories/remote-lists';
import { createPlainDirectoryRepositories } from './directories/directory-repositories';
import type { AuthMode } from '../domain/people';
import { createAuth, type AuthOptions } from './people/better-auth';
import { createIdentify } from './people/actors';
import { HttpProblem } from './http/problems';
import { authRoutes } from './people/auth-routes';
import { botMemberRoutes, createBotMembersRepository } from './people/bot-members';
import { recordAudit } from './db/audit';
import { auditRoutes, peopleRoutes } from './people/people-routes';
import { createPeopleRepository } from './people/people-repository';
import { liveRoutes, type LiveOptions } from './live/live-routes';
import { actorRoleOnBot, authorOf } from './db/actor-context';
import { createEnvironmentsRepository } from './environments/environments-repository';
import { environmentRoutes } from './environments/environment-routes';
import { createReleasesRepository } from './releases/releases-repository';
import { releaseRoutes } from './releases/release-routes';
import { createTestCasesRepository } from './test-cases/test-cases-repository';
import { createTestRunner } from './test-cases/test-runner';
import { createRenameFollower } from './test-cases/follow-renames';
import { createTestCaseParts } from './test-cases/test-case-parts';
import { registerRunAfterSave, testCaseRoutes } from './test-cases/test-case-routes';

export type AppOptions = Pick<
  ServerConfig,
  'enableTestApi' | 'logLevel' | 'webRoot' | 'corsOrigin' | 'adminToken' | 'livePersonDirectories'
> &
  Partial<Pick<ServerConfig, 'allowedHosts' | 'metricsToken'>> & {
    /** Where log lines go; stdout when absent (tests read them). */
    logStream?: DestinationStream;
    /** How long a client may take to send a request; the defaults suit people and scripts on any link. */
    timeouts?: Partial<RequestTimeouts>;
    /** Seals and opens credential secrets (see credentials/secret-box.ts). */
    secretBox: SecretBox;
    /**
     * False while the database is not migrated and checked yet (main.ts starts serving while PostgreSQL is
     * down): the API answers 503 with Retry-After meanwhile. Always ready when absent.
     */
    isDatabaseReady?: () => boolean;
    /** AUTH=accounts|oidc: people sign in (better-auth). Absent: AUTH=none. */
    auth?: AppAuthOptions;
    /** The live event streams' bounds and presence timeout (tests shorten them); HUB_LIMITS and 30 s when absent. */
    live?: Pick<LiveOptions, 'limits' | 'presenceTtlMs'>;
  };

export interface AppAuthOptions extends Omit<AuthOptions, 'trustedOrigins'> {
  mode: Exclude<AuthMode, 'none'>;
}

export interface RequestTimeouts {
  /** The headers of a request must arrive within this. */
  headersMs: number;
  /** The whole request, headers and body, must arrive within this (answered 408 otherwise). */
  requestMs: number;
  /** An idle keep-alive connection is closed after this (announced in whole seconds; Node waits one more). */
  keepAliveMs: number;
}

// Keep-alive outlasts the idle timeout of the balancer in front (60 s by default on the common ones) and of
// clients that ignore the announced one (Playwright's request context): whoever closes an idle connection
// second is the one whose request can meet the close and fail (ECONNRESET, a 502 at the balancer).
const REQUEST_TIMEOUTS: RequestTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 65_000 };

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Plugins first, then routes; the database is opened (and migrated) by the caller. */
export async function buildApp(database: DatabaseHandle, options: AppOptions): Promise<FastifyInstance> {
  const timeouts = { ...REQUEST_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    // Slow clients (a body trickled a byte at a time) must not hold connections open: Node checks the
    // limits below every connectionsCheckingInterval, so that is kept shorter than any of them.
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs / 2) },
    logger: { level: options.logLevel, ...LOG_REDACTION, ...(options.logStream ? { stream: options.logStream } : {}) },
    genReqId: requestIdOf,
    logController: new AccessLogController(),
    bodyLimit: BODY_LIMIT_BYTES,
    // Longer than any id a route's schema accepts, so that the schema answers an overlong id (400) rather
    // than the router (414, or 405 from a route that matched without the parameter).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PATH_PARAM_LENGTH },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    // The README promises `__proto__` keys are dropped: the parser removes them rather than refusing the body.
    onProtoPoisoning: 'remove',
  });
  registerRequestIdHeader(app);
  const metrics = createAppMetrics({ poolStats: () => database.poolStats() });
  countRequests(app, metrics);
  // Before anything answers: a request for a name that is not this server's gets nothing.
  registerHostCheck(app, options.allowedHosts ?? allowedHostNames('127.0.0.1', []));
  // First: it sees every route as it is added, so each one's access is known before it can answer.
  const trustedOrigins = (options.corsOrigin ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const auth = options.auth ? createAuth(database.db, { ...options.auth, trustedOrigins }) : null;
  const people =
    auth && options.auth ? createIdentify(auth, database.db, { mode: options.auth.mode, adminToken: options.adminToken }) : null;
  registerRouteAccess(app, {
    adminToken: options.adminToken,
    metricsToken: options.metricsToken ?? null,
    identify: people?.identify,
    trustedOrigins,
    signInWith: options.auth?.oidc ? { name: options.auth.oidc.providerName, url: '/api/auth/oidc/start' } : null,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  // The API speaks JSON only: a text body is answered 415 rather than validated as a string.
  app.removeContentTypeParser('text/plain');
  registerJsonBodyParser(app);

  // Before the static files and routes it wraps: Monaco's chunks and long lists shrink 4-5 times on the wire.
  await app.register(fastifyCompress, { threshold: 1024 });
  const hasWebApp = await registerWebApp(app, options.webRoot, {
    adminToken: options.adminToken,
    assetsStore: createWebAssetsStore(database.db),
    sharedAssets: database.kind === 'postgres',
  });
  registerErrorHandling(app, { spaIndex: hasWebApp });
  const isReady = options.isDatabaseReady ?? (() => true);
  registerDatabaseGate(app, isReady);
  await registerSecurityHeaders(app, options.corsOrigin);
  registerUnstorableTextCheck(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Integrations Panel API',
        description: 'Bots and their Conversation Builder integrations. Errors are application/problem+json (RFC 9457).',
        version: '1.0.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await registerPublicPlugin(app, fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, () => app.swagger());
  registerMetricsRoute(app, metrics);

  const cursors = createListCursors(options.secretBox);
  const environments = createEnvironmentsRepository(database.db, options.secretBox);
  await app.register(environmentRoutes, { environments });
  const bots = createBotsRepository(database.db, cursors);
  const integrations = createIntegrationsRepository(database.db, cursors);
  await app.register(authRoutes, {
    auth,
    db: database.db,
    mode: options.auth?.mode ?? 'none',
    identify: people?.identify ?? (async () => null),
    cache: people?.cache ?? null,
    signInLimit: options.auth?.signInLimit,
    oidcName: options.auth?.oidc?.providerName ?? null,
  });
  if (auth) {
    await app.register(peopleRoutes, { people: createPeopleRepository(database.db), cache: people?.cache ?? null });
    await app.register(botMemberRoutes, { members: createBotMembersRepository(database.db), cache: people?.cache ?? null });
  }
  await app.register(auditRoutes, { db: database.db });
  await app.register(healthRoutes, { database, build: readBuildId(options.webRoot), isReady });
  await app.register(botRoutes, { bots });
  const testCases = createTestCasesRepository(database.db);
  const renameFollower = createRenameFollower(testCases);
  // Parsed kept CB files of this process (per bot and version), shared by the dialogs routes and the rehearsals.
  const keptFiles = createKeptFileCache();
  const dialogs = createDialogsRepository(database.db, integrations, environments, [renameFollower], keptFiles);
  // One sandbox for the Test panel, the test runs and the rehearsals: they share its one-run-per-core limit and its queue.
  const sandbox = createSandbox();
  app.addHook('onClose', () => sandbox.close());
  const testRunner = createTestRunner({ sandbox, testCases, integrations, environments });
  registerRunAfterSave(app, { runner: testRunner });
  await app.register(integrationRoutes, { bots, integrations, usageGuard: dialogs, saveFollowers: [renameFollower] });
  await app.register(dialogRoutes, { dialogs, integrations });
  const credentials = createCredentialsRepository(database.db, options.secretBox);
  const directories = { ...createPlainDirectoryRepositories(database.db), credentials };
  // Read upstream at most once a minute for every server on this database (upstream_lists), not per process.
  const remoteLists = new Map<DirectoryKind, () => Promise<SharedList<RemoteEntry>>>(
    DIRECTORIES.flatMap((directory) => {
      const livePerson = 'remote' in directory ? options.livePersonDirectories[directory.kind] : null;
      return livePerson && 'remote' in directory
        ? [
            [
              directory.kind,
              createSharedCachedSource({ db: database.db, source: sharedListName(directory.kind, livePerson) }, () =>
                REMOTE_LISTS[directory.kind](livePerson),
              ),
            ] as const,
          ]
        : [];
    }),
  );
  // What the form's pickers list, so a release checks the entries the form offers.
  const directoryEntries = async (kind: DirectoryKind) => {
    const remote = remoteLists.get(kind);
    return remote ? (await remote()).items : directories[kind].list();
  };
  await app.register(releaseRoutes, {
    releases: createReleasesRepository(database.db, { bots, integrations, environments, dialogs, directories: directoryEntries }),
  });
  await app.register(simulateRoutes, {
    bots,
    integrations,
    sandbox,
    metrics: metrics.registry,
    environments,
    audit: (record) => recordAudit(database.db, record),
  });
  await app.register(testCaseRoutes, { bots, integrations, testCases, runner: testRunner });
  await app.register(rehearsalRoutes, { db: database.db, sandbox, keptFiles, testCases, environments });
  await app.register(importExportRoutes, {
    repository: createImportExportRepository(database.db, bots, integrations, environments),
    credentials,
    parts: createTestCaseParts(testCases),
  });
  await app.register(revisionRoutes, { revisions: createRevisionsRepository(database.db, integrations, testCases) });
  await app.register(liveRoutes, {
    database,
    bots,
    metrics,
    // Presence names people; the local builder of AUTH=none is every tab, so other tabs say "another tab".
    authorOf: (request) => (request.actor && request.actor.kind !== 'local' ? authorOf(request.actor) : null),
    // A stream ends when the session or key that opened it no longer holds (asked as every request asks).
    accessCheckOf: (request) =>
      people && (request.actor?.via === 'session' || request.actor?.via === 'key')
        ? async () => {
            try {
              // Also ends when the person's role on this bot becomes none.
              const actor = await people.identify(request);
              return actor !== null && actorRoleOnBot(actor, (request.params as { botId: string }).botId) !== null;
            } catch (error) {
              // A revoked key is refused 401; anything else (the database away) says nothing about it.
              if (error instanceof HttpProblem && error.status === 401) return false;
              throw error;
            }
          }
        : null,
    ...options.live,
  });
  for (const directory of DIRECTORIES) {
    const readRemote = remoteLists.get(directory.kind) ?? null;
    await app.register(directoryRoutes, { directory, repository: directories[directory.kind], db: database.db, readRemote });
  }
  if (options.enableTestApi) {
    await app.register(testingRoutes, {
      db: database.db,
      bots,
      integrations,
      directories,
    });
  }
  return app;
}
