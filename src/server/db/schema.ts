import { sql, type AnyColumn } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { CustomDataField } from '../../domain/custom-data-fields';
import type { BOT_REVISION_ACTIONS } from '../../domain/dialogs';

type BotRevisionAction = (typeof BOT_REVISION_ACTIONS)[number];
import type { Author as RevisionAuthor } from '../../domain/people';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  // Bumped on every update; writes are conditional on it (optimistic concurrency, ETags).
  version: integer('version').notNull().default(1),
};

/**
 * A name's natural order ("Load bot 6" before "Load bot 59"): lower case, every run of digits padded to 20
 * with zeros (a longer run keeps its length). Two fixed patterns, linear in the name; the bots list orders
 * and pages by it, with an index on the same expression.
 */
export function naturalOrderKey(name: AnyColumn) {
  return sql<string>`regexp_replace(regexp_replace(lower(${name}), '(\\d+)', '00000000000000000000\\1', 'g'), '0*(\\d{20})', '\\1', 'g')`;
}

export const bots = pgTable(
  'bots',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    // Keys of an imported export that the model does not use, written back on export.
    extras: jsonb('extras').$type<Record<string, unknown>>().notNull().default({}),
    // The environment its `{$env.NAME}` references resolve in; a forced delete of the environment clears it.
    environmentId: uuid('environment_id').references((): AnyPgColumn => environments.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('bots_natural_order').on(naturalOrderKey(t.name), t.id)],
);

export const integrations = pgTable(
  'integrations',
  {
    id: uuid('id').primaryKey(),
    botId: uuid('bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    responseDataVariable: text('response_data_variable').notNull(),
    type: text('type').notNull(),
    // The fields of this integration's type (url, agentSkillId, ...), validated by the domain schema.
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    transformScript: text('transform_script').notNull().default(''),
    customDataFields: jsonb('custom_data_fields').$type<CustomDataField[]>().notNull().default([]),
    extras: jsonb('extras').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('integrations_bot_name_unique').on(t.botId, sql`lower(${t.name})`),
    uniqueIndex('integrations_bot_rdv_unique').on(t.botId, t.responseDataVariable),
    index('integrations_bot_type').on(t.botId, t.type),
  ],
);

/** Every saved state of an integration, kept after the integration is deleted. */
export const integrationRevisions = pgTable(
  'integration_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    integrationId: uuid('integration_id').notNull(),
    botId: uuid('bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    action: text('action').$type<'create' | 'update' | 'restore' | 'delete' | 'release'>().notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    changedFields: jsonb('changed_fields').$type<string[]>().notNull().default([]),
    author: jsonb('author').$type<RevisionAuthor>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('integration_revisions_version_unique').on(t.integrationId, t.version)],
);

/**
 * Changes to a bot's dialogs (kept in its extras), each with the bot version it produced and the
 * dialogs and interactions it changed, as they were after it: the bot's own history beside its
 * integrations' revisions.
 */
export const botRevisions = pgTable(
  'bot_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    botId: uuid('bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    action: text('action').$type<BotRevisionAction>().notNull(),
    summary: text('summary').notNull(),
    author: jsonb('author').$type<RevisionAuthor>(),
    // `{ cbChangedJson }`: the groups and conversationMessage entries the change added or rewrote, as JSON
    // text in the file's key order (rows written before kept every dialog, `{ cbDialogsJson }`: 10 renames
    // of a big bot stored 24 MB).
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('bot_revisions_version_unique').on(t.botId, t.version)],
);

/**
 * The dialogs (`groups`) and interactions (`conversationMessage`) of a bot's kept CB file, one row each in
 * file order, as JSON text in the file's own key order. The rest of the file stays in `bots.extras`: a read
 * of the dialogs then parses one small item at a time instead of the whole file (20,000 dialogs: 28 MB).
 */
export const botDialogItems = pgTable(
  'bot_dialog_items',
  {
    botId: uuid('bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    list: text('list').$type<'groups' | 'conversationMessage'>().notNull(),
    position: integer('position').notNull(),
    item: text('item').notNull(),
  },
  (t) => [primaryKey({ columns: [t.botId, t.list, t.position] })],
);

/**
 * What happened to a bot's integrations and dialogs, for the live event stream (GET /api/bots/:botId/events):
 * the id is the stream's event id, so a client that reconnects with Last-Event-ID gets the rows after it.
 * Rows are written by triggers on integration_revisions and bot_revisions (migration 0010), in the same
 * transaction as the revision, which also NOTIFY `bot_events` so every server on the database streams them.
 * Rows older than a day are pruned: a client that was away longer is told to reload (`resync`).
 */
export const botEvents = pgTable(
  'bot_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    botId: uuid('bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('bot_events_bot').on(t.botId, t.id), index('bot_events_created').on(t.createdAt)],
);

/** The skill directory that Agent Escalation forms check skill ids and names against. */
export const skills = pgTable(
  'skills',
  {
    // Ids are longs: read as BigInt so that all 19 digits survive, and answered as text.
    id: bigint('id', { mode: 'bigint' }).primaryKey(),
    name: text('name').notNull(),
    // Every directory entry is versioned: its ETag, which a write must name (If-Match).
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('skills_name_unique').on(sql`lower(${t.name})`)],
);

/** Credentials that API and File integrations authenticate with; `secrets` holds only sealed values (AES-256-GCM). */
export const credentials = pgTable(
  'credentials',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    fields: jsonb('fields').$type<Record<string, string>>().notNull().default({}),
    secrets: jsonb('secrets').$type<Record<string, string>>().notNull().default({}),
    ...timestamps,
  },
  (t) => [uniqueIndex('credentials_name_unique').on(sql`lower(${t.name})`)],
);

/**
 * A directory entry as it was when deleted (its row, secrets still sealed), kept so that the delete can be
 * undone (POST /api/<directory>/:id/restore): a credential's secrets are write-only, so no client could add it
 * again as it was. One per directory and id: the latest deletion.
 */
export const deletedDirectoryEntries = pgTable(
  'deleted_directory_entries',
  {
    directory: text('directory').notNull(),
    id: text('id').notNull(),
    entry: jsonb('entry').$type<Record<string, unknown>>().notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.directory, t.id] })],
);

/** The LivePerson Functions (lambdas) FaaS integrations pick from, when not read from the account. */
export const lpFunctions = pgTable(
  'lp_functions',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('lp_functions_name_unique').on(sql`lower(${t.name})`)],
);

/** The KnowledgeAI knowledge bases KnowledgeAI integrations pick from, when not read from the account. */
export const knowledgeBases = pgTable(
  'knowledge_bases',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    language: text('language').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('knowledge_bases_name_unique').on(sql`lower(${t.name})`)],
);

/**
 * Facts about the database itself, one row each, written once and never changed: `initialised` (the first
 * start has run, so the demo is never seeded again, even after every bot is deleted) and `secrets-key-check`
 * (an HMAC of a constant with SECRETS_KEY, so a server with another key refuses to start before it seals
 * anything). Every server of a cluster reads the same rows.
 */
export const databaseFacts = pgTable('database_facts', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** One stored variable of an environment: a secret's `value` is sealed (AES-256-GCM, the credentials' key), or '' when not set. */
export interface StoredEnvVariable {
  name: string;
  value: string;
  secret: boolean;
}

/** Environments: the `{$env.NAME}` values of the bots that name them (bots.environment_id). */
export const environments = pgTable(
  'environments',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    variables: jsonb('variables').$type<StoredEnvVariable[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [uniqueIndex('environments_name_unique').on(sql`lower(${t.name})`)],
);

/**
 * Releases of integrations from one bot into another. `before` holds the target's integrations the release
 * changed as they were before it (null: it created them), `after` their versions once it applied, so a
 * rollback knows what to restore and whether they changed since. `number` counts the target's releases.
 */
export const releases = pgTable(
  'releases',
  {
    id: uuid('id').primaryKey(),
    number: integer('number').notNull(),
    sourceBotId: uuid('source_bot_id').references(() => bots.id, { onDelete: 'set null' }),
    targetBotId: uuid('target_bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    author: text('author').notNull(),
    changes: jsonb('changes').$type<unknown[]>().notNull(),
    before: jsonb('before').$type<Record<string, Record<string, unknown> | null>>().notNull(),
    after: jsonb('after').$type<Record<string, number>>().notNull(),
    rollbackOf: uuid('rollback_of'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('releases_target_number_unique').on(t.targetBotId, t.number), index('releases_source').on(t.sourceBotId)],
);

/** PostgreSQL's bytea as a Buffer: node-postgres reads one, PGlite a Uint8Array. */
const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** The web builds whose hashed assets are kept (web_assets), newest start first. */
export const webBuilds = pgTable('web_builds', {
  buildId: text('build_id').primaryKey(),
  /** The last time a server of this build started. */
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The hashed files of recent web builds (dist/assets), so that any server answers a page of any of
 * them, whichever build it runs (a rolling deploy behind a balancer). A name is its content's hash.
 */
export const webAssets = pgTable(
  'web_assets',
  {
    name: text('name').primaryKey(),
    /** The newest build that has the file: it goes when that build is no longer kept. */
    buildId: text('build_id').notNull(),
    contentType: text('content_type').notNull(),
    content: bytes('content').notNull(),
  },
  (t) => [index('web_assets_build').on(t.buildId)],
);

/**
 * Lists read from LivePerson, one row per source, shared by every server of a cluster: one server at a time
 * holds the refresh lease (lease_holder until lease_until) and asks upstream; the others serve `items`.
 * After a failure nobody asks again before retry_at (the back-off doubles with `failures`).
 */
export const upstreamLists = pgTable('upstream_lists', {
  source: text('source').primaryKey(),
  items: jsonb('items').$type<unknown[]>(),
  fetchedAt: timestamp('fetched_at', { withTimezone: true, mode: 'date' }),
  leaseHolder: text('lease_holder'),
  leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'date' }),
  failures: integer('failures').notNull().default(0),
  retryAt: timestamp('retry_at', { withTimezone: true, mode: 'date' }),
  lastError: text('last_error'),
});

const authTime = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * People who sign in (better-auth's `user` model, with the admin plugin's role and ban fields). A
 * deactivated person is `banned`: better-auth refuses their sign-in and our access hook their keys.
 */
export const people = pgTable('people', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  role: text('role').notNull().default('viewer'),
  banned: boolean('banned').notNull().default(false),
  banReason: text('ban_reason'),
  banExpires: authTime('ban_expires'),
  // AUTH=oidc: the role the provider's claim named at the first sign-in (OIDC_ROLE_CLAIM), which became `role`.
  claimedRole: text('claimed_role'),
  createdAt: authTime('created_at').notNull().defaultNow(),
  updatedAt: authTime('updated_at').notNull().defaultNow(),
});

/** better-auth's sessions: the cookie holds a signed token whose row is here (so every server sees it). */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    expiresAt: authTime('expires_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    impersonatedBy: text('impersonated_by'),
    createdAt: authTime('created_at').notNull().defaultNow(),
    updatedAt: authTime('updated_at').notNull().defaultNow(),
  },
  (t) => [index('auth_sessions_user').on(t.userId)],
);

/** How a person signs in: `credential` (the password hash, scrypt by better-auth) or an OpenID provider. */
export const authAccounts = pgTable(
  'auth_accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: authTime('access_token_expires_at'),
    refreshTokenExpiresAt: authTime('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: authTime('created_at').notNull().defaultNow(),
    updatedAt: authTime('updated_at').notNull().defaultNow(),
  },
  (t) => [index('auth_accounts_user').on(t.userId)],
);

/** better-auth's one-time values (OAuth state, invite and reset tokens). */
export const authVerifications = pgTable(
  'auth_verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: authTime('expires_at').notNull(),
    createdAt: authTime('created_at').notNull().defaultNow(),
    updatedAt: authTime('updated_at').notNull().defaultNow(),
  },
  (t) => [index('auth_verifications_identifier').on(t.identifier)],
);

/** Sign-in attempts per window, shared by every server (better-auth's rate limiter, storage "database"). */
export const authRateLimits = pgTable('auth_rate_limits', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

/** API keys (better-auth's API-key plugin): only the hash of a key is stored; `metadata.role` caps its rights. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    configId: text('config_id').notNull().default('default'),
    name: text('name'),
    start: text('start'),
    prefix: text('prefix'),
    key: text('key').notNull(),
    referenceId: text('reference_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    refillInterval: integer('refill_interval'),
    refillAmount: integer('refill_amount'),
    lastRefillAt: authTime('last_refill_at'),
    enabled: boolean('enabled').default(true),
    rateLimitEnabled: boolean('rate_limit_enabled').default(false),
    rateLimitTimeWindow: integer('rate_limit_time_window'),
    rateLimitMax: integer('rate_limit_max'),
    requestCount: integer('request_count'),
    remaining: integer('remaining'),
    lastRequest: authTime('last_request'),
    expiresAt: authTime('expires_at'),
    createdAt: authTime('created_at').notNull().defaultNow(),
    updatedAt: authTime('updated_at').notNull().defaultNow(),
    permissions: text('permissions'),
    metadata: text('metadata'),
  },
  (t) => [index('api_keys_key').on(t.key), index('api_keys_reference').on(t.referenceId)],
);

/**
 * A person's role on one bot, over their role everywhere else: `none` hides the bot from them, viewer,
 * builder or admin is their role there (above or below their own). Admins are admins on every bot.
 */
export const botMembers = pgTable(
  'bot_members',
  {
    botId: uuid('bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role').$type<'none' | 'viewer' | 'builder' | 'admin'>().notNull(),
    updatedAt: authTime('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.botId, t.personId] }), index('bot_members_person').on(t.personId)],
);

/**
 * Who did what: append-only (no route updates or deletes a row), each row written in the transaction of the
 * change it records. The actor is copied (id, name, kind), so the trail outlives the person or key.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: authTime('at').notNull().defaultNow(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorKind: text('actor_kind').$type<'person' | 'api-key' | 'local'>().notNull(),
    action: text('action').notNull(),
    botId: uuid('bot_id'),
    integrationId: uuid('integration_id'),
    summary: text('summary').notNull(),
  },
  (t) => [index('audit_events_bot').on(t.botId, t.id), index('audit_events_actor').on(t.actorId, t.id)],
);

/**
 * An integration's test cases (issue #29): a sample result and variables to run it on, and what must hold
 * afterwards (`expect`). `last_run_id`/`last_status` are those of the last run against the saved integration:
 * what the list's and the form's badge read.
 */
export const testCases = pgTable(
  'test_cases',
  {
    id: uuid('id').primaryKey(),
    botId: uuid('bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    integrationId: uuid('integration_id')
      .notNull()
      .references(() => integrations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // `{ name, sample, botVariables?, envVariables?, environmentId?, expect }`, checked by the domain schema.
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    lastRunId: uuid('last_run_id'),
    lastStatus: text('last_status').$type<'passed' | 'failed' | 'error'>(),
    ...timestamps,
  },
  (t) => [index('test_cases_integration').on(t.integrationId, t.createdAt), index('test_cases_bot').on(t.botId)],
);

/** Every saved state of a test case, kept with its integration's history (and after the test case is deleted). */
export const testCaseRevisions = pgTable(
  'test_case_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    testCaseId: uuid('test_case_id').notNull(),
    integrationId: uuid('integration_id').notNull(),
    botId: uuid('bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    action: text('action').$type<'create' | 'update' | 'delete' | 'rename' | 'restore'>().notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    /**
     * The integration's version when the test case changed: the test cases of integration revision N are
     * each test case's latest revision at or below N (what restoring N brings back).
     */
    integrationVersion: integer('integration_version').notNull(),
    /** What a rename rewrote in it (`expect.customData.status → expect.customData.state`), for the history. */
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('test_case_revisions_integration').on(t.integrationId, t.id)],
);

/** Test runs as answered, so that `GET …/test-runs/:runId` (and its JUnit form) reads one again. */
export const testRuns = pgTable(
  'test_runs',
  {
    id: uuid('id').primaryKey(),
    botId: uuid('bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    // api: asked for; save: the background run after a save; unsaved: against a form's unsaved body.
    trigger: text('trigger').$type<'api' | 'save' | 'unsaved'>().notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    passed: integer('passed').notNull(),
    failed: integer('failed').notNull(),
    results: jsonb('results').$type<unknown[]>().notNull(),
  },
  (t) => [index('test_runs_bot_at').on(t.botId, t.at)],
);

export const schema = {
  bots,
  environments,
  releases,
  integrations,
  integrationRevisions,
  botRevisions,
  botEvents,
  skills,
  credentials,
  lpFunctions,
  knowledgeBases,
  upstreamLists,
  databaseFacts,
  webBuilds,
  webAssets,
  people,
  authSessions,
  authAccounts,
  authVerifications,
  authRateLimits,
  apiKeys,
  botMembers,
  auditEvents,
  testCases,
  testCaseRevisions,
  testRuns,
};
