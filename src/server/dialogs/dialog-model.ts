import type { BotExtras, ResponderExtras } from '../../domain/cb-export';
import type { DialogView, InteractionView, Transition } from '../../domain/dialogs';
import type { Integration } from '../../domain/integration';
import { runNow, STEP_BATCH, type Steps } from '../event-loop-slices';

/*
 * Reads the dialogs of a bot out of the CB file kept in its extras. The file stays the source of
 * truth (it is written back byte for byte); this is a read of it, made again on every request.
 */

type Json = Record<string, unknown>;

export interface DialogRecord {
  id: string;
  name: string;
  type: string;
  status: string;
}

export interface InteractionRecord {
  id: string;
  name: string;
  dialogId: string;
  kind: string;
  /** The interaction as kept in the file: references are found and rewritten in it. */
  raw: Json;
  patterns?: string[];
  intentId?: string;
  next?: string;
  responderName?: string;
  responderId?: string;
  preProcess?: string;
  postProcess?: string;
  agentSkillId?: string;
  messageToUser?: string;
  agentId?: string;
  transferBotContext?: boolean;
  interactionDelay?: number;
  transitions: Transition[];
  texts: string[];
}

export interface BotIntegration {
  integration: Integration;
  /** The id the integration had in the CB file it came from (interactions name it as responderId). */
  cbId: string | null;
}

export interface BotModel {
  dialogs: DialogRecord[];
  interactions: InteractionRecord[];
  integrations: BotIntegration[];
  /**
   * Lookups by id and name, made once per read: a find per interaction made every walk grow with
   * dialogs × interactions (20k dialogs: 6.5 s for GET …/dialogs, the server blocked all along).
   */
  index: {
    dialogById: ReadonlyMap<string, DialogRecord>;
    interactionsByDialog: ReadonlyMap<string, InteractionRecord[]>;
    /** By the CB id an import kept or the panel's id, the first integration in list order that has it. */
    integrationById: ReadonlyMap<string, BotIntegration>;
    integrationByName: ReadonlyMap<string, BotIntegration>;
  };
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The arrays of the kept file that hold dialogs; missing or malformed ones read as empty. */
export function keptArray(extras: BotExtras | null, key: 'groups' | 'conversationMessage'): Json[] {
  const value = extras?.topLevel[key];
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export function botIntegrationsOf(rows: ReadonlyArray<{ integration: Integration; extras: ResponderExtras | null }>): BotIntegration[] {
  return rows.map(({ integration, extras }) => ({ integration, cbId: text(extras?.unmapped.id) ?? null }));
}

function tileData(raw: Json): Json[] {
  const content = isObject(raw.content) ? raw.content : {};
  const results = isObject(content.results) ? content.results : {};
  const tile = isObject(results.tile) ? results.tile : {};
  return Array.isArray(tile.tileData) ? tile.tileData.filter(isObject) : [];
}

function transitionsOf(raw: Json, next: string | undefined): Transition[] {
  const matches = Array.isArray(raw.responseMatches) ? raw.responseMatches.filter(isObject) : [];
  const transitions: Transition[] = [];
  for (const match of matches) {
    const action = isObject(match.action) ? match.action : {};
    const value = text(action.value);
    const rule = nonEmpty(match.name);
    const base = rule ? { rule } : {};
    if (action.name === 'DIALOG' && value) transitions.push({ ...base, to: 'dialog', id: value });
    else if (value === 'none' || value === '') transitions.push({ ...base, to: 'end' });
    else if (value === 'next' || value === undefined)
      transitions.push(next ? { ...base, to: 'interaction', id: next } : { ...base, to: 'end' });
    else transitions.push({ ...base, to: 'interaction', id: value });
  }
  if (transitions.length === 0 && next) transitions.push({ to: 'interaction', id: next });
  return transitions;
}

/** Real exports keep the delay as text ("500"); the panel's demo wrote numbers before. Anything else is no delay. */
function delayOf(value: unknown): number | undefined {
  const number = typeof value === 'number' ? Math.round(value) : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

function readInteraction(raw: Json): InteractionRecord | null {
  const id = nonEmpty(raw.id);
  const dialogId = nonEmpty(raw.group);
  if (!id || !dialogId) return null;
  const content = isObject(raw.content) ? raw.content : {};
  const tiles = tileData(raw);
  const next = nonEmpty(raw.nextMessageId);
  const transferTile = tiles.find((tile) => isObject(tile.escalation));
  const escalation = transferTile?.escalation as Json | undefined;
  const patterns = Array.isArray(raw.pattern) ? raw.pattern.filter((item): item is string => typeof item === 'string') : undefined;
  const record: InteractionRecord = {
    id,
    name: text(raw.name) ?? id,
    dialogId,
    kind: text(raw.interactionType) ?? text(isObject(content.results) ? content.results.type : undefined) ?? 'UNKNOWN',
    raw,
    transitions: transitionsOf(raw, next),
    texts: tiles.map((tile) => text(tile.text)).filter((item): item is string => item !== undefined && item !== ''),
  };
  if (patterns) record.patterns = patterns;
  const optional = {
    intentId: nonEmpty(raw.intentId),
    next,
    responderName: text(content.responderName),
    responderId: nonEmpty(content.responderId),
    preProcess: nonEmpty(raw.preProcessMessage),
    postProcess: nonEmpty(raw.postProcessMessage),
    agentSkillId: escalation ? text(escalation.agentSkillId) : undefined,
    messageToUser: transferTile ? (text(transferTile.text) ?? '') : undefined,
    agentId: escalation ? nonEmpty(escalation.agentId) : undefined,
    transferBotContext: escalation && typeof escalation.tangoContextEnabled === 'boolean' ? escalation.tangoContextEnabled : undefined,
    interactionDelay: delayOf(raw.interactionDelay),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(record, { [key]: value });
  return record;
}

/**
 * The dialogs and interactions of a kept file with their lookups: what depends on the file alone, so one
 * read serves every request made at the same bot version (see kept-file-cache.ts).
 */
export interface BotDialogs {
  dialogs: DialogRecord[];
  interactions: InteractionRecord[];
  dialogById: ReadonlyMap<string, DialogRecord>;
  interactionsByDialog: ReadonlyMap<string, InteractionRecord[]>;
}

export function* readBotDialogsSteps(extras: BotExtras | null): Steps<BotDialogs> {
  const dialogs: DialogRecord[] = [];
  for (const [index, group] of keptArray(extras, 'groups').entries()) {
    if (index % STEP_BATCH === STEP_BATCH - 1) yield;
    const id = nonEmpty(group.id);
    if (!id) continue;
    dialogs.push({ id, name: text(group.name) ?? id, type: text(group.dialogType) ?? 'DIALOG', status: text(group.status) ?? 'ENABLED' });
  }
  const interactions: InteractionRecord[] = [];
  for (const [index, raw] of keptArray(extras, 'conversationMessage').entries()) {
    if (index % STEP_BATCH === STEP_BATCH - 1) yield;
    const interaction = readInteraction(raw);
    if (interaction) interactions.push(interaction);
  }
  yield;
  const dialogById = new Map<string, DialogRecord>();
  for (const dialog of dialogs) if (!dialogById.has(dialog.id)) dialogById.set(dialog.id, dialog);
  const interactionsByDialog = new Map<string, InteractionRecord[]>();
  for (const [index, interaction] of interactions.entries()) {
    if (index % (STEP_BATCH * 10) === STEP_BATCH * 10 - 1) yield;
    const list = interactionsByDialog.get(interaction.dialogId);
    if (list) list.push(interaction);
    else interactionsByDialog.set(interaction.dialogId, [interaction]);
  }
  return { dialogs, interactions, dialogById, interactionsByDialog };
}

/** The model of one request: the (shared) dialogs of the file with the bot's integrations as they are now. */
export function withIntegrations(read: BotDialogs, integrations: BotIntegration[]): BotModel {
  const integrationById = new Map<string, BotIntegration>();
  const integrationByName = new Map<string, BotIntegration>();
  const first = <K>(map: Map<K, BotIntegration>, key: K, item: BotIntegration) => {
    if (!map.has(key)) map.set(key, item);
  };
  for (const item of integrations) {
    if (item.cbId !== null) first(integrationById, item.cbId, item);
    first(integrationById, item.integration.id, item);
    first(integrationByName, item.integration.name, item);
  }
  const { dialogs, interactions, dialogById, interactionsByDialog } = read;
  return { dialogs, interactions, integrations, index: { dialogById, interactionsByDialog, integrationById, integrationByName } };
}

function* readBotModelSteps(extras: BotExtras | null, integrations: BotIntegration[]): Steps<BotModel> {
  return withIntegrations(yield* readBotDialogsSteps(extras), integrations);
}

export const readBotModel = (extras: BotExtras | null, integrations: BotIntegration[]): BotModel =>
  runNow(readBotModelSteps(extras, integrations));

export function dialogOf(model: BotModel, interaction: InteractionRecord): DialogRecord | undefined {
  return model.index.dialogById.get(interaction.dialogId);
}

export function isIntegrationInteraction(interaction: InteractionRecord): boolean {
  return interaction.kind === 'API_INTEGRATION' || interaction.responderName !== undefined || interaction.responderId !== undefined;
}

/**
 * The integration an interaction invokes: by the id it names (the CB id an import kept, or the
 * panel's id for one made here), else by its name.
 */
export function invokedIntegration(model: BotModel, interaction: InteractionRecord): BotIntegration | undefined {
  const { responderId, responderName } = interaction;
  const byId = responderId ? model.index.integrationById.get(responderId) : undefined;
  return byId ?? (responderName ? model.index.integrationByName.get(responderName) : undefined);
}

/** Starters first, then along the flow, then whatever the flow does not reach, in file order. */
function flowOrder(interactions: InteractionRecord[]): InteractionRecord[] {
  const byId = new Map(interactions.map((item) => [item.id, item]));
  const seen = new Set<string>();
  const ordered: InteractionRecord[] = [];
  const queue = interactions.filter((item) => item.kind === 'DIALOG_STARTER' || !item.raw.prevMessageId);
  // A read position rather than shift(): shift moves the whole queue, once per interaction.
  for (let head = 0; head < queue.length; head += 1) {
    const item = queue[head]!;
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    ordered.push(item);
    for (const transition of item.transitions) {
      const target = transition.to === 'interaction' && transition.id ? byId.get(transition.id) : undefined;
      if (target && !seen.has(target.id)) queue.push(target);
    }
  }
  return [...ordered, ...interactions.filter((item) => !seen.has(item.id))];
}

export function toInteractionView(model: BotModel, item: InteractionRecord): InteractionView {
  // An Agent Transfer's message is its messageToUser: told once, not again among its texts.
  const texts =
    item.messageToUser === undefined ? item.texts : item.texts.filter((text, index) => index > 0 || text !== item.messageToUser);
  const view: InteractionView = { id: item.id, name: item.name, kind: item.kind, transitions: item.transitions, texts };
  const invoked = isIntegrationInteraction(item) ? invokedIntegration(model, item) : undefined;
  if (invoked) view.integrationId = invoked.integration.id;
  const integrationName = item.responderName ?? invoked?.integration.name;
  if (integrationName !== undefined) view.integrationName = integrationName;
  const optional = {
    patterns: item.patterns,
    intentId: item.intentId,
    next: item.next,
    preProcess: item.preProcess,
    postProcess: item.postProcess,
    agentSkillId: item.agentSkillId,
    messageToUser: item.messageToUser,
    agentId: item.agentId,
    transferBotContext: item.transferBotContext,
    interactionDelay: item.interactionDelay,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(view, { [key]: value });
  return view;
}

export function* toDialogViewsSteps(model: BotModel): Steps<DialogView[]> {
  const views: DialogView[] = [];
  for (const [index, dialog] of model.dialogs.entries()) {
    if (index % STEP_BATCH === STEP_BATCH - 1) yield;
    const interactions = flowOrder(model.index.interactionsByDialog.get(dialog.id) ?? []);
    views.push({ ...dialog, interactions: interactions.map((item) => toInteractionView(model, item)) });
  }
  return views;
}

export const toDialogViews = (model: BotModel): DialogView[] => runNow(toDialogViewsSteps(model));
