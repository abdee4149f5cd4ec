import { sql, type AnyColumn } from 'drizzle-orm';
import { bigint, bigserial, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CustomDataField } from '../../domain/custom-data-fields';

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
    action: text('action').$type<'create' | 'update' | 'restore' | 'delete'>().notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    changedFields: jsonb('changed_fields').$type<string[]>().notNull().default([]),
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
    action: text('action').$type<'add-dialog' | 'rename-references'>().notNull(),
    summary: text('summary').notNull(),
    // `{ cbChangedJson }`: the groups and conversationMessage entries the change added or rewrote, as JSON
    // text in the file's key order (rows written before kept every dialog, `{ cbDialogsJson }`: 10 renames
    // of a big bot stored 24 MB).
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('bot_revisions_version_unique').on(t.botId, t.version)],
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

export const schema = {
  bots,
  integrations,
  integrationRevisions,
  botRevisions,
  skills,
  credentials,
  lpFunctions,
  knowledgeBases,
  upstreamLists,
  databaseFacts,
  webBuilds,
  webAssets,
};
