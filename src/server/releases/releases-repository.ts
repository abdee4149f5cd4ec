import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { envNamesIn, envReferencesOf } from '../../domain/environments';
import { integrationInputSchema, type Integration, type IntegrationValues } from '../../domain/integration';
import {
  fieldChanges,
  type Release,
  type ReleaseChange,
  type ReleasePlan,
  type ReleaseProblem,
  type ReleaseRequest,
} from '../../domain/releases';
import type { Database } from '../db/database';
import { integrationRevisions, integrations as integrationsTable, releases } from '../db/schema';
import { badRequest, conflict, DomainError, notFound } from '../errors';
import { toIntegration } from '../integrations/integration-rows';
import { readBotIntegrations } from '../integrations/integration-statements';
import type { IntegrationsRepository } from '../integrations/integrations-repository';
import type { EnvironmentsRepository, ResolvedEnvironment } from '../environments/environments-repository';
import type { BotsRepository } from '../bots/bots-repository';

type ReleaseRow = typeof releases.$inferSelect;

/** What the dialogs feature answers about a bot's dialogs (dialogs-repository fulfils it). */
interface ReleaseDialogs {
  usages(botId: string, integrationId: string): Promise<unknown[]>;
  catchesEscalationFailure(botId: string): Promise<boolean>;
}

/** The directories integrations name entries of, by the kinds their routes use. */
type ReleaseDirectoryKind = 'skills' | 'credentials' | 'functions' | 'knowledge-bases';

/**
 * The entries of a directory as the form's pickers read them (app.ts: the LivePerson list when the directory
 * is read from the account, else its table), so a release checks what the form checks.
 */
type ReleaseDirectories = (kind: ReleaseDirectoryKind) => Promise<ReadonlyArray<{ id: string; name: string }>>;

const ESCALATION = 'LIVEPERSON_AGENT_ESCALATION';
const DEFAULT_AUTHOR = 'Integrations panel';

/**
 * The directory entries an integration names, by type: the field, the directory, and the problem's words.
 * A credential counts by name too: a CB file names it (ids differ between accounts), and so may the field.
 */
const DIRECTORY_FIELDS = [
  { field: 'agentSkillId', types: [ESCALATION], code: 'skill-missing', noun: 'skill', kind: 'skills', byName: false },
  { field: 'credentialId', types: ['API', 'FILE'], code: 'credential-missing', noun: 'credential', kind: 'credentials', byName: true },
  { field: 'functionId', types: ['FAAS'], code: 'function-missing', noun: 'function', kind: 'functions', byName: false },
  {
    field: 'knowledgeBaseId',
    types: ['KNOWLEDGE_AI'],
    code: 'knowledge-base-missing',
    noun: 'knowledge base',
    kind: 'knowledge-bases',
    byName: false,
  },
] as const;

/** An integration as a write takes it again: its values without the record's own members. */
function valuesOf(integration: Readonly<Record<string, unknown>>): IntegrationValues {
  const { id: _id, botId: _botId, createdAt: _c, updatedAt: _u, version: _v, ...values } = integration;
  return integrationInputSchema.parse(values);
}

function toRelease(row: ReleaseRow): Release {
  return {
    id: row.id,
    number: row.number,
    sourceBotId: row.sourceBotId,
    targetBotId: row.targetBotId,
    note: row.note,
    author: row.author,
    at: row.createdAt.toISOString(),
    changes: row.changes as ReleaseChange[],
    rollbackOf: row.rollbackOf,
  };
}

/**
 * What a plan found for one source integration: its change, and the target's copy it writes (when there is
 * one). No source: the source deleted it since releasing it, and the release deletes the copy.
 */
type PlannedItem =
  { source: Integration; copy: Integration | null; change: ReleaseChange } | { source: null; copy: Integration; change: ReleaseChange };

const resolveIn = (text: string, environment: ResolvedEnvironment | null) =>
  text.replace(/\{\$env\.([A-Za-z_][A-Za-z0-9_.]*)\}/g, (reference, name: string) => {
    const found = environment?.variables.find((variable) => variable.name === name);
    return found ? found.value : reference;
  });

const usesSecret = (text: string, environment: ResolvedEnvironment | null) =>
  envNamesIn(text).some((name) => environment?.variables.find((variable) => variable.name === name)?.secret);

export function createReleasesRepository(
  db: Database,
  deps: {
    bots: BotsRepository;
    integrations: IntegrationsRepository;
    environments: EnvironmentsRepository;
    dialogs: ReleaseDialogs;
    directories: ReleaseDirectories;
  },
) {
  const { bots, integrations, environments, dialogs, directories } = deps;

  async function integrationsOf(botId: string, tx: Database = db): Promise<Integration[]> {
    return readBotIntegrations(tx, botId, toIntegration);
  }

  /** The last release from `sourceBotId` into `targetBotId` that wrote each source integration: its copy and the version it left. */
  async function lastReleased(
    sourceBotId: string,
    targetBotId: string,
  ): Promise<Map<string, { targetIntegrationId: string; version: number }>> {
    const rows = await db
      .select()
      .from(releases)
      .where(and(eq(releases.sourceBotId, sourceBotId), eq(releases.targetBotId, targetBotId)))
      .orderBy(desc(releases.number));
    // The version each copy was left at by the newest release that wrote it, a rollback included.
    const leftAt = new Map<string, number>();
    for (const row of rows) {
      for (const [id, version] of Object.entries(row.after)) if (!leftAt.has(id)) leftAt.set(id, version);
    }
    const found = new Map<string, { targetIntegrationId: string; version: number }>();
    for (const row of rows) {
      if (row.rollbackOf) continue;
      for (const change of row.changes as ReleaseChange[]) {
        if (found.has(change.integrationId) || !change.targetIntegrationId) continue;
        found.set(change.integrationId, {
          targetIntegrationId: change.targetIntegrationId,
          version: leftAt.get(change.targetIntegrationId) ?? 0,
        });
      }
    }
    return found;
  }

  async function revisionSnapshot(integrationId: string, version: number): Promise<Record<string, unknown> | null> {
    const [row] = await db
      .select({ snapshot: integrationRevisions.snapshot })
      .from(integrationRevisions)
      .where(and(eq(integrationRevisions.integrationId, integrationId), eq(integrationRevisions.version, version)));
    return row?.snapshot ?? null;
  }

  /** Directory entries the changed integrations name (ids with {$env.X} read in the target's environment). */
  async function directoryProblems(items: readonly PlannedItem[], environment: ResolvedEnvironment | null): Promise<ReleaseProblem[]> {
    const problems: ReleaseProblem[] = [];
    for (const directory of DIRECTORY_FIELDS) {
      const wanted = items.flatMap(({ source, change }) => {
        if (!source || change.action === 'unchanged' || !(directory.types as readonly string[]).includes(source.type)) return [];
        const raw = (source as Record<string, unknown>)[directory.field];
        if (typeof raw !== 'string' || raw.trim() === '') return [];
        const id = resolveIn(raw.trim(), environment);
        // A reference the environment lacks is reported above; a bot variable is only known at run time.
        return id.includes('{$') ? [] : [{ source, id, raw, secret: usesSecret(raw, environment) }];
      });
      if (wanted.length === 0) continue;
      let entries: ReadonlyArray<{ id: string; name: string }>;
      try {
        entries = await directories(directory.kind);
      } catch (error) {
        // LivePerson failing (and no recent list): the release may go on knowingly, as the form saves unchecked.
        problems.push({
          severity: 'warning',
          code: 'directory-not-checked',
          integrationName: wanted[0]!.source.name,
          field: directory.field,
          detail: `The ${directory.noun} directory could not be read (${error instanceof Error ? error.message : String(error)}), so ${directory.noun} ids are not checked.`,
        });
        continue;
      }
      const ids = new Set(entries.map((entry) => entry.id));
      const names = new Set(directory.byName ? entries.map((entry) => entry.name.toLowerCase()) : []);
      for (const { source, id, raw, secret } of wanted) {
        if (ids.has(id) || names.has(id.toLowerCase())) continue;
        // A secret's value is never said: the problem names the reference instead.
        const said = secret
          ? `${raw} (a secret of the target's environment)`
          : raw === id
            ? `"${id}"`
            : `"${id}" (${raw} in the target's environment)`;
        problems.push({
          severity: 'error',
          code: directory.code,
          integrationName: source.name,
          field: directory.field,
          detail: `The ${directory.noun} ${said} is not in the ${directory.noun} directory${directory.byName ? ' by id or name' : ''}: add it, or pick one that is.`,
        });
      }
    }
    return problems;
  }

  async function plan(sourceBotId: string, request: ReleaseRequest): Promise<{ plan: ReleasePlan; items: PlannedItem[] }> {
    const { targetBotId } = request;
    if (targetBotId === sourceBotId) {
      throw badRequest('A bot cannot be released into itself: pick another target bot.', {
        targetBotId: 'Pick another bot than the source.',
      });
    }
    await bots.get(sourceBotId);
    try {
      await bots.get(targetBotId);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not-found') {
        throw badRequest(`Bot ${targetBotId} does not exist.`, { targetBotId: 'Pick a bot that exists.' });
      }
      throw error;
    }
    const all = await integrationsOf(sourceBotId);
    const target = await integrationsOf(targetBotId);
    const targetById = new Map(target.map((item) => [item.id, item]));
    const targetByName = new Map(target.map((item) => [item.name.toLowerCase(), item]));
    const links = await lastReleased(sourceBotId, targetBotId);
    const byId = new Map(all.map((item) => [item.id, item]));
    // Copies whose source integration the source deleted since releasing it: releasing it deletes the copy.
    const deletedInSource = new Map(
      [...links].flatMap(([sourceId, link]) => {
        const copy = targetById.get(link.targetIntegrationId);
        return !byId.has(sourceId) && copy ? [[sourceId, copy] as const] : [];
      }),
    );
    let selected = all;
    let removed = [...deletedInSource];
    if (request.integrationIds) {
      const unknown = request.integrationIds.findIndex((id) => !byId.has(id) && !deletedInSource.has(id));
      if (unknown >= 0) {
        throw badRequest(`Integration ${request.integrationIds[unknown]} is not an integration of the source bot.`, {
          [`integrationIds.${unknown}`]: 'Pick an integration of the source bot.',
        });
      }
      const ids = [...new Set(request.integrationIds)];
      selected = ids.flatMap((id) => byId.get(id) ?? []);
      removed = ids.flatMap((id) => (deletedInSource.has(id) ? [[id, deletedInSource.get(id)!] as const] : []));
    }
    const environment = await environments.ofBot(targetBotId);
    const envNames = new Set(environment?.variables.map((variable) => variable.name) ?? []);

    const items: PlannedItem[] = [];
    const problems: ReleaseProblem[] = [];
    for (const source of selected) {
      const link = links.get(source.id);
      const linked = link ? targetById.get(link.targetIntegrationId) : undefined;
      const copy = linked ?? targetByName.get(source.name.toLowerCase()) ?? null;
      const fields = fieldChanges(copy, source);
      const action = !copy ? 'create' : fields.length > 0 ? 'update' : 'unchanged';
      items.push({
        source,
        copy,
        change: { integrationId: source.id, name: source.name, action, fields, ...(copy ? { targetIntegrationId: copy.id } : {}) },
      });
      if (action === 'unchanged') continue;

      for (const reference of envReferencesOf(source)) {
        if (envNames.has(reference.name)) continue;
        problems.push({
          severity: 'error',
          code: 'env-variable-missing',
          integrationName: source.name,
          field: reference.field,
          detail: environment
            ? `{$env.${reference.name}} is not a variable of "${environment.name}", the target bot's environment: add it there.`
            : `{$env.${reference.name}} has no value: the target bot has no environment. Give it one that has ${reference.name}.`,
        });
      }
      if (copy && linked && link && copy.version !== link.version) {
        const base = (await revisionSnapshot(copy.id, link.version)) ?? {};
        const changed = fieldChanges(base, copy);
        problems.push({
          severity: 'error',
          code: 'target-changed',
          integrationName: source.name,
          detail: `The target's "${copy.name}" was changed there since the last release from this bot (version ${link.version}, now ${copy.version}): releasing would overwrite ${changed.map((item) => item.path).join(', ') || 'those changes'}. Bring the change into this bot first, or roll back the target's change.`,
          threeWay: changed.map((item) => ({
            path: item.path,
            base: item.before,
            target: item.after,
            source: (source as Record<string, unknown>)[item.path] ?? null,
          })),
        });
      }
      if (copy && copy.name !== source.name && (await dialogs.usages(targetBotId, copy.id)).length > 0) {
        problems.push({
          severity: 'error',
          code: 'integration-in-use-renamed',
          integrationName: source.name,
          field: 'name',
          detail: `The target's dialogs use "${copy.name}", which this release would rename to "${source.name}": rename it in the target first (rename rewrites its dialogs), or keep the name.`,
        });
      }
    }

    for (const [sourceId, copy] of removed) {
      items.push({
        source: null,
        copy,
        change: {
          integrationId: sourceId,
          name: copy.name,
          action: 'delete',
          fields: fieldChanges(copy, null),
          targetIntegrationId: copy.id,
        },
      });
      const link = links.get(sourceId)!;
      if (copy.version !== link.version) {
        problems.push({
          severity: 'error',
          code: 'target-changed',
          integrationName: copy.name,
          detail: `The target's "${copy.name}" was changed there since the last release from this bot (version ${link.version}, now ${copy.version}): deleting it would lose those changes. Leave it out of the release, or delete it in the target by hand.`,
        });
      }
      if ((await dialogs.usages(targetBotId, copy.id)).length > 0) {
        problems.push({
          severity: 'error',
          code: 'integration-in-use-removed',
          integrationName: copy.name,
          detail: `The target's dialogs use "${copy.name}", which this bot deleted and this release would delete there: remove those uses in the target first, or leave it out of the release.`,
        });
      }
    }

    problems.push(...(await directoryProblems(items, environment)));

    const escalation = items.find((item) => item.change.action !== 'unchanged' && item.source?.type === ESCALATION);
    if (escalation?.source && !(await dialogs.catchesEscalationFailure(targetBotId))) {
      problems.push({
        severity: 'warning',
        code: 'escalation-failure-not-caught',
        integrationName: escalation.source.name,
        detail:
          'The target bot has no dialog that catches __agent_escalation_failed__: when a transfer fails, the message goes to its Fallback dialog. Add a failure dialog to the target.',
      });
    }
    return { plan: { changes: items.map((item) => item.change), problems }, items };
  }

  /** Locks the target bot (the order every write keeps: bot row first) and answers its next release number. */
  async function nextNumber(tx: Database, targetBotId: string): Promise<number> {
    await tx.execute(sql`select id from bots where id = ${targetBotId} for no key update`);
    const [row] = await tx
      .select({ number: sql<number>`coalesce(max(${releases.number}), 0)::int` })
      .from(releases)
      .where(eq(releases.targetBotId, targetBotId));
    return (row?.number ?? 0) + 1;
  }

  async function insertRelease(tx: Database, values: Omit<typeof releases.$inferInsert, 'id' | 'number' | 'createdAt'>): Promise<Release> {
    const number = await nextNumber(tx, values.targetBotId);
    const [row] = await tx
      .insert(releases)
      .values({ id: randomUUID(), number, ...values })
      .returning();
    return toRelease(row!);
  }

  return {
    /** The plan of a release: what it would change and what stops it; nothing is stored. */
    async plan(sourceBotId: string, request: ReleaseRequest): Promise<ReleasePlan> {
      return (await plan(sourceBotId, request)).plan;
    },

    /**
     * Applies a release with no errors (and no warnings unless forced) in one transaction: each change a new
     * revision of the target's integration (action `release`), then the release itself. Anything failing on
     * the way (a copy saved meanwhile: 412) leaves the target as it was.
     */
    async apply(sourceBotId: string, request: ReleaseRequest & { force?: boolean }): Promise<Release | { refused: ReleasePlan }> {
      const { plan: planned, items } = await plan(sourceBotId, request);
      const errors = planned.problems.filter((problem) => problem.severity === 'error');
      if (errors.length > 0 || (planned.problems.length > 0 && !request.force)) return { refused: planned };
      return db.transaction(async (tx) => {
        const number = await nextNumber(tx, request.targetBotId);
        const before: Record<string, Record<string, unknown> | null> = {};
        const after: Record<string, number> = {};
        const changes: ReleaseChange[] = [];
        for (const item of items) {
          if (item.change.action === 'unchanged') {
            // Its version is where the next release from this bot starts from; a rollback leaves it (not in `before`).
            if (item.copy) after[item.copy.id] = item.copy.version;
            changes.push(item.change);
            continue;
          }
          if (!item.source) {
            await integrations.delete(request.targetBotId, item.copy.id, item.copy.version, tx);
            before[item.copy.id] = { ...item.copy };
            after[item.copy.id] = 0;
            changes.push(item.change);
            continue;
          }
          const values = valuesOf(item.source);
          const written = item.copy
            ? await integrations.replace(request.targetBotId, item.copy.id, item.copy.version, values, { action: 'release', outer: tx })
            : await integrations.create(request.targetBotId, values, { action: 'release' }, tx);
          before[written.id] = item.copy ? { ...item.copy } : null;
          after[written.id] = written.version;
          changes.push({ ...item.change, targetIntegrationId: written.id });
        }
        const [row] = await tx
          .insert(releases)
          .values({
            id: randomUUID(),
            number,
            sourceBotId,
            targetBotId: request.targetBotId,
            note: request.note ?? '',
            author: request.author || DEFAULT_AUTHOR,
            changes,
            before,
            after,
          })
          .returning();
        return toRelease(row!);
      });
    },

    /** Releases into or out of the bot, newest first. */
    async list(botId: string): Promise<Release[]> {
      await bots.get(botId);
      const rows = await db
        .select()
        .from(releases)
        .where(or(eq(releases.sourceBotId, botId), eq(releases.targetBotId, botId)))
        .orderBy(desc(releases.createdAt), desc(releases.number));
      return rows.map(toRelease);
    },

    /**
     * Puts the target's integrations back as they were before the release: a new release (itself reversible).
     * Refused (409) when any of them changed since the release wrote it.
     */
    async rollback(botId: string, releaseId: string, author?: string): Promise<Release> {
      const [row] = await db
        .select()
        .from(releases)
        .where(and(eq(releases.id, releaseId), or(eq(releases.sourceBotId, botId), eq(releases.targetBotId, botId))));
      if (!row) throw notFound(`Release ${releaseId} of bot ${botId}`);
      // What the release wrote: `before` names each (`after` also holds the copies it left unchanged).
      const ids = Object.keys(row.before);
      const current = new Map(
        ids.length === 0
          ? []
          : (
              await db
                .select()
                .from(integrationsTable)
                .where(and(eq(integrationsTable.botId, row.targetBotId), inArray(integrationsTable.id, ids)))
            ).map((item) => [item.id, toIntegration(item)] as const),
      );
      const changed = ids.filter((id) => (current.get(id)?.version ?? 0) !== row.after[id]);
      if (changed.length > 0) {
        const names = changed.map((id) => `"${current.get(id)?.name ?? (row.before[id]?.name as string | undefined) ?? id}"`);
        throw conflict(
          `Release ${row.number} cannot be rolled back: ${names.join(', ')} changed in the target since it was released. Release again from the source, or change them back by hand.`,
        );
      }
      return db.transaction(async (tx) => {
        const before: Record<string, Record<string, unknown> | null> = {};
        const after: Record<string, number> = {};
        const changes: ReleaseChange[] = [];
        for (const id of ids) {
          const now = current.get(id) ?? null;
          const previous = row.before[id] ?? null;
          before[id] = now ? { ...now } : null;
          if (!previous && now) {
            await integrations.delete(row.targetBotId, id, now.version, tx);
            after[id] = 0;
            changes.push({ integrationId: id, name: now.name, action: 'delete', fields: fieldChanges(now, null), targetIntegrationId: id });
          } else if (previous && now) {
            const written = await integrations.replace(row.targetBotId, id, now.version, valuesOf(previous), {
              action: 'release',
              outer: tx,
            });
            after[id] = written.version;
            changes.push({
              integrationId: id,
              name: written.name,
              action: 'update',
              fields: fieldChanges(now, written),
              targetIntegrationId: id,
            });
          } else if (previous && !now) {
            // Rolling back a rollback that removed it: it comes back under its id, after its deletion's revision.
            const [latest] = await tx
              .select({ version: sql<number>`max(${integrationRevisions.version})::int` })
              .from(integrationRevisions)
              .where(eq(integrationRevisions.integrationId, id));
            const written = await integrations.create(
              row.targetBotId,
              valuesOf(previous),
              { id, version: (latest?.version ?? 0) + 1, action: 'release' },
              tx,
            );
            after[id] = written.version;
            changes.push({
              integrationId: id,
              name: written.name,
              action: 'create',
              fields: fieldChanges(null, written),
              targetIntegrationId: id,
            });
          }
        }
        return insertRelease(tx, {
          sourceBotId: row.sourceBotId,
          targetBotId: row.targetBotId,
          note: `Rollback of release ${row.number}`,
          author: author || DEFAULT_AUTHOR,
          changes,
          before,
          after,
          rollbackOf: row.id,
        });
      });
    },
  };
}
export type ReleasesRepository = ReturnType<typeof createReleasesRepository>;
