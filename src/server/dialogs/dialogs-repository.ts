import type { BotExtras } from '../../domain/cb-export';
import type {
  AgentTransferInput,
  Check,
  DialogView,
  EscalationFailureInput,
  FailureRuleInput,
  InteractionView,
  ReferenceChange,
  RenameInput,
  RepointInput,
  Usage,
} from '../../domain/dialogs';
import type { Integration, IntegrationValues } from '../../domain/integration';
import { MAX_DIALOGS_PER_BOT } from '../../domain/limits';
import type { Database } from '../db/database';
import { eq } from 'drizzle-orm';
import { bots } from '../db/schema';
import { badRequest, conflict, inUse, limitReached, notFound, preconditionFailed } from '../errors';
import type { IntegrationsRepository } from '../integrations/integrations-repository';
import {
  chatBotIdOf,
  extrasForPanelBot,
  lastRemovalOf,
  listBotRevisions,
  loadBot,
  panelAddedDialogIds,
  writeDialogs,
  type LoadedBot,
} from './bot-dialogs-store';
import { envVariableChecksSteps, escalationFailureCatcherSteps, runChecksSteps } from './checks';
import type { EnvironmentsRepository } from '../environments/environments-repository';
import {
  invokedIntegration,
  isIntegrationInteraction,
  keptArray,
  readBotModel,
  toDialogViews,
  toDialogViewsSteps,
  toInteractionView,
  type BotIntegration,
} from './dialog-model';
import { changedFields, editedAgentTransfer } from './agent-transfer-edit';
import { escalationFailureDialog, failureRule } from './escalation-failure-dialog';
import { sampleDialogs } from './sample-dialogs';
import { createKeptFileCache, type KeptFileCache } from './kept-file-cache';
import { planRenameSteps } from './rename-references';
import { findUsagesSteps } from './usages';
import { runSliced, type Steps } from '../event-loop-slices';

type Json = Record<string, unknown>;

const FAILURE_DIALOG_NAME = 'Agent escalation failed';

function requireIntegration(loaded: LoadedBot, integrationId: string): BotIntegration {
  const found = loaded.model.integrations.find((item) => item.integration.id === integrationId);
  if (!found) throw notFound(`Integration ${integrationId} in bot ${loaded.row.id}`);
  return found;
}

function findInteraction(loaded: LoadedBot, dialogId: string, interactionId: string) {
  const dialog = loaded.model.index.dialogById.get(dialogId);
  if (!dialog) throw notFound(`A dialog with id ${dialogId} in this bot`);
  const interaction = loaded.model.index.interactionsByDialog.get(dialogId)?.find((item) => item.id === interactionId);
  if (!interaction) throw notFound(`An interaction with id ${interactionId} in dialog "${dialog.name}"`);
  return { dialog, interaction };
}

const places = (count: number) => `${count} place${count === 1 ? '' : 's'}`;

/** A dialog name the bot does not use yet: CB shows dialogs by name. */
/**
 * Adds dialogs written as a CB export writes them (`groups` entries and their `conversationMessage`
 * interactions) to a bot loaded under its lock, as one revision (an added dialog, or one put back);
 * answers them as the API shows dialogs.
 */
async function appendDialogs(
  tx: Database,
  cache: KeptFileCache,
  loaded: LoadedBot,
  revision: { action: 'add-dialog' | 'restore-dialog'; summary: string },
  build: (chatBotId: string) => { groups: Json[]; interactions: Json[] },
): Promise<{ dialogs: DialogView[]; version: number }> {
  const extras = loaded.extras ?? extrasForPanelBot(loaded);
  const added = build(chatBotIdOf(loaded, extras));
  const topLevel = {
    ...extras.topLevel,
    groups: [...keptArray(extras, 'groups'), ...added.groups],
    conversationMessage: [...keptArray(extras, 'conversationMessage'), ...added.interactions],
  };
  const version = await writeDialogs(
    tx,
    loaded,
    { ...extras, topLevel },
    { ...revision, changed: { groups: added.groups, conversationMessage: added.interactions } },
  );
  const ids = new Set(added.groups.map((group) => group.id));
  const after = await loadBot(tx, cache, loaded.row.id);
  // Added by the panel (a restored one was too), so the panel may remove them again (removeDialog).
  const dialogs = toDialogViews(after.model)
    .filter((dialog) => ids.has(dialog.id))
    .map((dialog) => ({ ...dialog, addedHere: true }));
  return { dialogs, version };
}

function freeDialogName(loaded: LoadedBot): string {
  const taken = new Set(loaded.model.dialogs.map((dialog) => dialog.name.toLowerCase()));
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? FAILURE_DIALOG_NAME : `${FAILURE_DIALOG_NAME} ${n}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * What else follows an integration's names (test cases, app.ts passes them), so the dialogs feature knows
 * nothing of it: called inside the rename's transaction, it rewrites (unless a dry run) and answers its changes.
 */
interface RenameFollower {
  followRename(
    tx: Database,
    integration: Integration,
    renamed: { name: string; responseDataVariable: string },
    dryRun: boolean,
  ): Promise<ReferenceChange[]>;
}

export function createDialogsRepository(
  db: Database,
  integrations: IntegrationsRepository,
  environments: EnvironmentsRepository,
  followers: readonly RenameFollower[] = [],
  cache: KeptFileCache = createKeptFileCache(),
) {
  // The walks run after the transaction: they only read what it loaded, and should not hold a connection while they pause.
  const read = async <T>(botId: string, walk: (loaded: LoadedBot) => Steps<T>) =>
    runSliced(walk(await db.transaction((tx) => loadBot(tx, cache, botId))));

  return {
    /** The dialogs from `offset` on, at most `limit` of them, and whether more follow. */
    async dialogs(botId: string, offset: number, limit: number): Promise<{ items: DialogView[]; more: boolean; version: number }> {
      const { loaded, added } = await db.transaction(async (tx) => ({
        loaded: await loadBot(tx, cache, botId),
        added: await panelAddedDialogIds(tx, botId),
      }));
      return runSliced(
        (function* () {
          const { model, row } = loaded;
          const page = { ...model, dialogs: model.dialogs.slice(offset, offset + limit) };
          const items = (yield* toDialogViewsSteps(page)).map((dialog) => (added.has(dialog.id) ? { ...dialog, addedHere: true } : dialog));
          return { items, more: model.dialogs.length > offset + limit, version: row.version };
        })(),
      );
    },

    async checks(botId: string): Promise<Check[]> {
      const { loaded, environment } = await db.transaction(async (tx) => ({
        loaded: await loadBot(tx, cache, botId),
        environment: await environments.ofBot(botId, tx),
      }));
      return runSliced(
        (function* () {
          return [...(yield* runChecksSteps(loaded.model)), ...(yield* envVariableChecksSteps(loaded.model, environment))];
        })(),
      );
    },

    usages: (botId: string, integrationId: string): Promise<Usage[]> =>
      read(botId, (loaded) => findUsagesSteps(loaded.model, requireIntegration(loaded, integrationId))),

    /** Whether a dialog of the bot can start on __agent_escalation_failed__ (a release that brings an escalation asks). */
    async catchesEscalationFailure(botId: string): Promise<boolean> {
      return (await read(botId, ({ model }) => escalationFailureCatcherSteps(model))) !== undefined;
    },

    async revisions(botId: string) {
      await db.transaction((tx) => loadBot(tx, cache, botId));
      return listBotRevisions(db, botId);
    },

    /** Deletes unless dialogs or other integrations use it; `force` deletes anyway (the checks then report the breakage). */
    async deleteIntegration(botId: string, integrationId: string, expectedVersion: number, force: boolean): Promise<void> {
      await db.transaction(async (tx) => {
        const loaded = await loadBot(tx, cache, botId, true);
        const target = requireIntegration(loaded, integrationId);
        // A stale request is refused as stale first: its usages may be what the newer version changed.
        if (target.integration.version !== expectedVersion) throw preconditionFailed(target.integration.version);
        const usages = await runSliced(findUsagesSteps(loaded.model, target));
        if (usages.length > 0 && !force) {
          throw inUse(
            `Integration "${target.integration.name}" is used in ${places(usages.length)}: remove those references first, or delete with ?force=true (the interactions that invoke it are then reported by the checks).`,
            { usages },
          );
        }
        await integrations.delete(botId, integrationId, expectedVersion, tx);
      });
    },

    /**
     * A PUT may not change the names other places use: that is what rename is for, as it rewrites them too.
     * Nothing to run when the save keeps both names (most saves: they need no transaction of their own);
     * else the check of the places that use them, to run inside the save's transaction.
     */
    refuseRenameByPut(current: Integration, values: IntegrationValues): ((tx: Database) => Promise<void>) | undefined {
      if (values.name === current.name && values.responseDataVariable === current.responseDataVariable) return undefined;
      return async (tx) => {
        const botId = current.botId;
        const integrationId = current.id;
        const loaded = await loadBot(tx, cache, botId);
        const target = loaded.model.integrations.find((item) => item.integration.id === integrationId);
        if (!target) return;
        const { name, responseDataVariable } = target.integration;
        const usages = await runSliced(findUsagesSteps(loaded.model, target));
        if (usages.length === 0) return;
        throw inUse(
          `Integration "${name}" is used in ${places(usages.length)}, which name it as "${name}" (variable api_${responseDataVariable}): change its name or response data variable with POST /api/bots/${botId}/integrations/${integrationId}/rename, which rewrites them in the same save.`,
          { usages },
        );
      };
    },

    /** Renames and rewrites every reference in one transaction; a dry run answers the same and stores nothing. */
    async rename(
      botId: string,
      integrationId: string,
      expectedVersion: number | null,
      input: RenameInput,
      dryRun: boolean,
    ): Promise<{ integration: Integration; changes: ReferenceChange[] }> {
      return db.transaction(async (tx) => {
        const loaded = await loadBot(tx, cache, botId, !dryRun);
        const target = requireIntegration(loaded, integrationId);
        const current = target.integration;
        if (expectedVersion !== null && expectedVersion !== current.version) throw preconditionFailed(current.version);
        const renamed = { name: input.name, responseDataVariable: input.responseDataVariable ?? current.responseDataVariable };
        for (const { integration: other } of loaded.model.integrations) {
          if (other.id === current.id) continue;
          if (other.name.toLowerCase() === renamed.name.toLowerCase()) {
            throw conflict(`This bot already has an integration named "${other.name}" (names are compared ignoring case).`, {
              name: `Integration Name "${renamed.name}" is already used in this bot (ignoring case): choose another name.`,
            });
          }
          if (other.responseDataVariable === renamed.responseDataVariable) {
            throw conflict(`This bot already has an integration whose response data variable is "${renamed.responseDataVariable}".`, {
              responseDataVariable: `Response Data Variable Name "${renamed.responseDataVariable}" is already used in this bot: choose another.`,
            });
          }
        }
        if (input.values && input.values.type !== current.type) {
          throw badRequest(`values.type is ${input.values.type}, but the integration is ${current.type}: a rename keeps the type.`);
        }
        // The preview (dry run) and the save rewrite the same values: what the builder saves with the rename.
        const plan = await runSliced(planRenameSteps(loaded.model, target, renamed, input.values));
        const followed: ReferenceChange[] = [];
        const follow = async () => {
          for (const follower of followers) followed.push(...(await follower.followRename(tx, current, renamed, dryRun)));
        };
        if (dryRun) {
          await follow();
          return { integration: { ...current, ...plan.values } as Integration, changes: [...plan.changes, ...followed] };
        }
        if (expectedVersion === null) throw new Error('a rename that stores needs the version it was read at');

        const integration = await integrations.replace(botId, integrationId, expectedVersion, plan.values, {
          outer: tx,
          auditAction: 'rename',
        });
        // After the integration is written: what followers change is recorded with the rename's version.
        await follow();
        for (const other of plan.others)
          await integrations.replace(botId, other.integration.id, other.integration.version, other.values, { outer: tx });
        if (plan.interactions.size > 0 && loaded.extras) {
          const messages = keptArray(loaded.extras, 'conversationMessage').map((raw) => plan.interactions.get(raw.id as string) ?? raw);
          const extras: BotExtras = { ...loaded.extras, topLevel: { ...loaded.extras.topLevel, conversationMessage: messages } };
          await writeDialogs(tx, loaded, extras, {
            action: 'rename-references',
            changed: { groups: [], conversationMessage: [...plan.interactions.values()] },
            summary: `Integration "${current.name}" renamed to "${renamed.name}"${renamed.responseDataVariable === current.responseDataVariable ? '' : ` (variable api_${renamed.responseDataVariable})`}: ${plan.interactions.size} interaction${plan.interactions.size === 1 ? '' : 's'} rewritten`,
          });
        }
        return { integration, changes: [...plan.changes, ...followed] };
      });
    },

    /**
     * Gives an integration interaction that invokes an Agent Escalation integration a "failure" rule leading
     * to a text with the message (the coverage table's "Add a failure rule"). 409 when it has one already.
     */
    async addFailureRule(botId: string, input: FailureRuleInput): Promise<{ version: number; textId: string }> {
      return db.transaction(async (tx) => {
        const loaded = await loadBot(tx, cache, botId, true);
        const target = loaded.model.interactions.find((item) => item.id === input.interactionId);
        if (!target) throw notFound(`Interaction ${input.interactionId} in bot ${botId}`);
        const invoked = isIntegrationInteraction(target) ? invokedIntegration(loaded.model, target)?.integration : undefined;
        if (invoked?.type !== 'LIVEPERSON_AGENT_ESCALATION') {
          const why = 'only an interaction that invokes an Agent Escalation integration has a failure rule on the platform';
          throw badRequest(
            `"${target.name}" cannot take a failure rule: ${why}.`,
            { interactionId: `Pick such an interaction (${why}).` },
            'Validation failed',
          );
        }
        const rules = Array.isArray(target.raw.responseMatches) ? (target.raw.responseMatches as Record<string, unknown>[]) : [];
        const hasFailure = rules.some((rule) =>
          (Array.isArray(rule.conditions) ? rule.conditions : []).some(
            (condition) => (condition as { apiResultsMatch?: { status?: unknown } }).apiResultsMatch?.status === 'FAILURE',
          ),
        );
        if (hasFailure) throw conflict(`"${target.name}" has a failure rule already.`);
        const extras = loaded.extras ?? extrasForPanelBot(loaded);
        const added = failureRule(target.raw, { chatBotId: chatBotIdOf(loaded, extras), message: input.message });
        const messages = keptArray(extras, 'conversationMessage').map((raw) => (raw.id === target.id ? added.interaction : raw));
        const topLevel = { ...extras.topLevel, conversationMessage: [...messages, added.text] };
        const version = await writeDialogs(
          tx,
          loaded,
          { ...extras, topLevel },
          {
            action: 'add-failure-rule',
            summary: `Added a failure rule to "${target.name}"`,
            changed: { groups: [], conversationMessage: [added.interaction, added.text] },
          },
        );
        return { version, textId: String(added.text.id) };
      });
    },

    /** The version of the bot's dialogs (the bot's version: every write to its dialogs raises it). */
    async version(botId: string): Promise<number> {
      const [row] = await db.select({ version: bots.version }).from(bots).where(eq(bots.id, botId));
      if (!row) throw notFound(`Bot ${botId}`);
      return row.version;
    },

    /** One interaction of a dialog and the bot's version (its ETag). */
    async interaction(botId: string, dialogId: string, interactionId: string): Promise<{ interaction: InteractionView; version: number }> {
      const loaded = await db.transaction((tx) => loadBot(tx, cache, botId));
      const target = findInteraction(loaded, dialogId, interactionId);
      return { interaction: toInteractionView(loaded.model, target.interaction), version: loaded.row.version };
    },

    /** Edits an Agent Transfer interaction in the kept CB file, as a revision of the bot's dialogs. */
    async editAgentTransfer(
      botId: string,
      dialogId: string,
      interactionId: string,
      expectedVersion: number,
      input: AgentTransferInput,
    ): Promise<{ interaction: InteractionView; version: number }> {
      const fields = changedFields(input);
      if (fields.length === 0) {
        throw badRequest(
          'Send at least one of messageToUser, agentSkillId, agentId, transferBotContext, interactionDelay.',
          undefined,
          'Validation failed',
        );
      }
      return db.transaction(async (tx) => {
        const loaded = await loadBot(tx, cache, botId, true);
        if (loaded.row.version !== expectedVersion) throw preconditionFailed(loaded.row.version);
        const { dialog, interaction: target } = findInteraction(loaded, dialogId, interactionId);
        if (target.kind !== 'ESCALATION') {
          throw conflict(
            `Interaction "${target.name}" is a ${target.kind} interaction, not an Agent Transfer: only Agent Transfers are edited here.`,
          );
        }
        const edited = editedAgentTransfer(target.raw, input);
        // Only the edited entry is replaced: a file whose ids repeat keeps its other entries as they were.
        const messages = keptArray(loaded.extras, 'conversationMessage').map((raw) => (raw === target.raw ? edited : raw));
        const extras: BotExtras = { ...loaded.extras!, topLevel: { ...loaded.extras!.topLevel, conversationMessage: messages } };
        const version = await writeDialogs(tx, loaded, extras, {
          action: 'edit-interaction',
          changed: { groups: [], conversationMessage: [edited] },
          summary: `Agent Transfer "${target.name}" in dialog "${dialog.name}": ${fields.join(', ')} changed`,
        });
        const model = readBotModel(
          { ...extras, topLevel: { ...extras.topLevel, conversationMessage: [edited] } },
          loaded.model.integrations,
        );
        return { interaction: toInteractionView(model, model.interactions[0]!), version };
      });
    },

    /** Adds a dialog that catches `__agent_escalation_failed__`, stored in the kept CB file like an imported one. */
    async addEscalationFailureDialog(botId: string, input: EscalationFailureInput): Promise<{ dialog: DialogView; version: number }> {
      return db.transaction(async (tx) => {
        // Under the bot's lock: of concurrent calls, the first adds the dialog and the others find it.
        const loaded = await loadBot(tx, cache, botId, true);
        if (loaded.model.dialogs.length >= MAX_DIALOGS_PER_BOT) {
          throw limitReached(
            'Too many dialogs',
            `This bot holds ${loaded.model.dialogs.length.toLocaleString('en-US')} dialogs, the most a bot may hold (${MAX_DIALOGS_PER_BOT.toLocaleString('en-US')}).`,
          );
        }
        // Whether or not the bot escalates yet: a second dialog on the same message would never start.
        const catcher = await runSliced(escalationFailureCatcherSteps(loaded.model));
        if (catcher) {
          const dialog = loaded.model.dialogs.find((item) => item.id === catcher.dialogId)?.name ?? catcher.dialogId;
          throw conflict(`The bot already catches the failed-transfer message: dialog "${dialog}" starts on it.`);
        }
        let escalateTo: Extract<Integration, { type: 'LIVEPERSON_AGENT_ESCALATION' }> | undefined;
        if (input.thenEscalateTo) {
          const found = loaded.model.integrations.find((item) => item.integration.id === input.thenEscalateTo)?.integration;
          if (found?.type !== 'LIVEPERSON_AGENT_ESCALATION') {
            const why = found ? `"${found.name}" is an ${found.type} integration` : 'this bot has no such integration';
            throw badRequest(
              `thenEscalateTo must name an Agent Escalation integration of this bot: ${why}.`,
              { thenEscalateTo: `Pick an Agent Escalation integration of this bot (${why}).` },
              'Validation failed',
            );
          }
          escalateTo = found;
        }
        const name = freeDialogName(loaded);
        const { dialogs, version } = await appendDialogs(
          tx,
          cache,
          loaded,
          { action: 'add-dialog', summary: `Added dialog "${name}"` },
          (chatBotId) => {
            const added = escalationFailureDialog({ chatBotId, name, message: input.message, escalateTo });
            return { groups: [added.group], interactions: added.interactions };
          },
        );
        return { dialog: dialogs[0]!, version };
      });
    },

    /** Dialogs for a bot without any (sample-dialogs.ts): a revision of the bot's dialogs, like any other change. */
    async addSampleDialogs(botId: string): Promise<{ dialogs: DialogView[]; version: number }> {
      return db.transaction(async (tx) => {
        const loaded = await loadBot(tx, cache, botId, true);
        const count = loaded.model.dialogs.length;
        if (count > 0) {
          throw conflict(
            `This bot already has ${count.toLocaleString('en-US')} ${count === 1 ? 'dialog' : 'dialogs'}: the sample dialogs are for a bot without any.`,
          );
        }
        return appendDialogs(tx, cache, loaded, { action: 'add-dialog', summary: 'Added the sample dialogs' }, (chatBotId) =>
          sampleDialogs(chatBotId, loaded.model.integrations),
        );
      });
    },

    /** Removes a dialog the panel added, with its interactions, as a revision of the bot's dialogs (kept for restoreDialog). */
    async removeDialog(botId: string, dialogId: string, expectedVersion: number): Promise<number> {
      return db.transaction(async (tx) => {
        const loaded = await loadBot(tx, cache, botId, true);
        if (loaded.row.version !== expectedVersion) throw preconditionFailed(loaded.row.version);
        const dialog = loaded.model.index.dialogById.get(dialogId);
        if (!dialog) throw notFound(`A dialog with id ${dialogId} in bot "${loaded.row.name}"`);
        if (!(await panelAddedDialogIds(tx, botId)).has(dialogId)) {
          throw conflict(
            `Dialog "${dialog.name}" came with the bot's Conversation Builder file: only a dialog the panel added is removed here (change the others in Conversation Builder).`,
          );
        }
        const extras = loaded.extras!;
        const groups = keptArray(extras, 'groups');
        const messages = keptArray(extras, 'conversationMessage');
        const removed = {
          groups: groups.filter((group) => group.id === dialogId),
          conversationMessage: messages.filter((message) => message.group === dialogId),
        };
        const topLevel = {
          ...extras.topLevel,
          groups: groups.filter((group) => group.id !== dialogId),
          conversationMessage: messages.filter((message) => message.group !== dialogId),
        };
        return writeDialogs(
          tx,
          loaded,
          { ...extras, topLevel },
          { action: 'remove-dialog', summary: `Removed dialog "${dialog.name}"`, changed: removed },
        );
      });
    },

    /** Puts back a dialog removeDialog took out, as it was (same ids): Undo of the removal. */
    async restoreDialog(botId: string, dialogId: string): Promise<{ dialog: DialogView; version: number }> {
      return db.transaction(async (tx) => {
        const loaded = await loadBot(tx, cache, botId, true);
        const removed = await lastRemovalOf(tx, botId, dialogId);
        if (!removed) throw notFound(`A removed dialog with id ${dialogId} in bot "${loaded.row.name}"`);
        const name = String(removed.groups[0]?.name ?? dialogId);
        if (loaded.model.index.dialogById.has(dialogId)) throw conflict(`Dialog "${name}" is in the bot already.`);
        if (loaded.model.dialogs.length >= MAX_DIALOGS_PER_BOT) {
          throw limitReached(
            'Too many dialogs',
            `This bot holds ${loaded.model.dialogs.length.toLocaleString('en-US')} dialogs, the most a bot may hold.`,
          );
        }
        const { dialogs, version } = await appendDialogs(
          tx,
          cache,
          loaded,
          { action: 'restore-dialog', summary: `Restored dialog "${name}"` },
          () => ({
            groups: removed.groups,
            interactions: removed.conversationMessage,
          }),
        );
        return { dialog: dialogs[0]!, version };
      });
    },

    /** Makes an integration interaction invoke another integration of the bot (the fix of a deleted one). */
    async repointInteraction(
      botId: string,
      dialogId: string,
      interactionId: string,
      expectedVersion: number,
      input: RepointInput,
    ): Promise<{ interaction: InteractionView; version: number }> {
      return db.transaction(async (tx) => {
        const loaded = await loadBot(tx, cache, botId, true);
        if (loaded.row.version !== expectedVersion) throw preconditionFailed(loaded.row.version);
        const { dialog, interaction: target } = findInteraction(loaded, dialogId, interactionId);
        if (!isIntegrationInteraction(target)) {
          throw conflict(
            `Interaction "${target.name}" is a ${target.kind} interaction: only an integration interaction invokes an integration.`,
          );
        }
        const next = loaded.model.integrations.find((item) => item.integration.id === input.integrationId);
        if (!next) {
          throw badRequest(
            `integrationId names no integration of this bot.`,
            { integrationId: 'Pick an integration of this bot.' },
            'Validation failed',
          );
        }
        const before = target.responderName ?? target.responderId ?? '(nothing)';
        const raw = target.raw;
        const content = (raw.content ?? {}) as Record<string, unknown>;
        // As an imported file names it: the CB id it came with, else the panel's own id.
        const edited = {
          ...raw,
          content: { ...content, responderId: next.cbId ?? next.integration.id, responderName: next.integration.name },
        };
        const messages = keptArray(loaded.extras, 'conversationMessage').map((item) => (item === raw ? edited : item));
        const extras: BotExtras = { ...loaded.extras!, topLevel: { ...loaded.extras!.topLevel, conversationMessage: messages } };
        const version = await writeDialogs(tx, loaded, extras, {
          action: 'repoint-interaction',
          changed: { groups: [], conversationMessage: [edited] },
          summary: `Interaction "${target.name}" in dialog "${dialog.name}" invokes "${next.integration.name}" instead of "${before}"`,
        });
        const model = readBotModel(
          { ...extras, topLevel: { ...extras.topLevel, conversationMessage: [edited] } },
          loaded.model.integrations,
        );
        return { interaction: toInteractionView(model, model.interactions[0]!), version };
      });
    },
  };
}
export type DialogsRepository = ReturnType<typeof createDialogsRepository>;
