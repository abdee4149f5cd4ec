import { z } from 'zod';
import { botInputSchema } from '../../domain/bot';
import {
  cbExportSchema,
  NATIVE_FORMAT,
  nativeExportSchema,
  nativeIntegrationEntrySchema,
  type BotExtras,
  type CbExport,
  type ResponderExtras,
} from '../../domain/cb-export';
import { integrationInputSchema, type IntegrationValues } from '../../domain/integration';
import type { ImportProblem } from '../../domain/import-plan';
import { MAX_DIALOGS_PER_BOT, MAX_INTEGRATIONS_PER_BOT, MAX_INTERACTIONS_PER_BOT, MAX_KEPT_IMPORT_VERSION } from '../../domain/limits';
import { INTEGRATION_TYPES, type IntegrationType } from '../../domain/integration-types';
import { depthExceededAt, MAX_JSON_DEPTH } from '../http/json-body';
import { cbPathOf } from './cb-fields';
import { mapCbBot, mapCbResponder } from './from-cb';
import { reportDuplicates } from './import-duplicates';
import { runNow, runSliced, type Steps } from '../event-loop-slices';

export interface PlannedIntegration {
  index: number;
  sourceName: string;
  type: IntegrationType | null;
  /** What the integration will be saved as; null when it has problems. */
  values: IntegrationValues | null;
  problems: ImportProblem[];
  /** What to check before importing; they do not make the plan invalid. */
  warnings: ImportProblem[];
  /** The entry's keys the model does not use, kept and written back on export. */
  keptKeys: string[];
  extras: ResponderExtras | null;
  /** The version a native export recorded; the integration keeps it. */
  version: number | null;
}

/** The whole plan: what the dry run answers (domain/import-plan) plus the extras an import keeps for export. */
export interface ImportPlan {
  format: 'cb' | 'native';
  /** True when every part validates: only then may the import write anything. */
  valid: boolean;
  problemCount: number;
  bot: {
    values: { name: string; description: string } | null;
    problems: ImportProblem[];
    keptKeys: string[];
    extras: BotExtras | null;
  };
  integrations: PlannedIntegration[];
}

/** A refusal of the whole file; `tooLarge` when it holds more integrations than an import may bring. */
export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; reason: string; errors: Record<string, string>; tooLarge?: true };

/**
 * Planning runs the integration schema over every entry: 5,000 entries take 100-200 ms of CPU. The
 * steps yield every PLAN_BATCH entries so the route can let other requests run in between.
 */
const PLAN_BATCH = 100;

/** Model paths to file paths; the CB names of fields differ from the model's. */
type SourcePath = (path: ReadonlyArray<PropertyKey>) => string;

function problemsOf(error: z.ZodError, sourcePath: SourcePath): ImportProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    sourcePath: sourcePath(issue.path),
    message: issue.message,
  }));
}

function unreadable(reason: string, error?: z.ZodError, prefix: PropertyKey[] = []): PlanResult {
  const errors = Object.fromEntries(
    (error?.issues ?? []).map((issue) => [[...prefix, ...issue.path].map(String).join('.'), issue.message]),
  );
  return { ok: false, reason, errors };
}

function typeOf(input: Record<string, unknown>): IntegrationType | null {
  return INTEGRATION_TYPES.find((type) => type === input.type) ?? null;
}

interface Candidate {
  input: Record<string, unknown>;
  sourceName: string;
  extras: ResponderExtras | null;
  version: number | null;
  sourcePath: SourcePath;
}

function planIntegration(candidate: Candidate, index: number): PlannedIntegration {
  const parsed = integrationInputSchema.safeParse(candidate.input);
  const unmapped = candidate.extras ? Object.keys(candidate.extras.unmapped) : [];
  return {
    index,
    sourceName: candidate.sourceName,
    type: typeOf(candidate.input),
    values: parsed.success ? parsed.data : null,
    problems: parsed.success ? [] : problemsOf(parsed.error, candidate.sourcePath),
    warnings: [],
    keptKeys: unmapped,
    extras: candidate.extras,
    version: candidate.version,
  };
}

function* buildPlan(
  format: ImportPlan['format'],
  bot: { input: Record<string, unknown>; extras: BotExtras | null; keptKeys: string[]; sourcePath: SourcePath },
  candidateAt: (index: number) => Candidate,
  count: number,
): Steps<ImportPlan> {
  const parsedBot = botInputSchema.safeParse(bot.input);
  const candidates: Candidate[] = [];
  const integrations: PlannedIntegration[] = [];
  for (let index = 0; index < count; index++) {
    if (index % PLAN_BATCH === PLAN_BATCH - 1) yield;
    const candidate = candidateAt(index);
    candidates.push(candidate);
    integrations.push(planIntegration(candidate, index));
  }
  reportDuplicates(integrations, candidates);
  const botProblems = parsedBot.success ? [] : problemsOf(parsedBot.error, bot.sourcePath);
  const problemCount = botProblems.length + integrations.reduce((sum, item) => sum + item.problems.length, 0);
  return {
    format,
    valid: problemCount === 0,
    problemCount,
    bot: { values: parsedBot.success ? parsedBot.data : null, problems: botProblems, keptKeys: bot.keptKeys, extras: bot.extras },
    integrations,
  };
}

function planCb(file: CbExport): Steps<ImportPlan> {
  const bot = mapCbBot(file);
  const keptBotKeys = Object.keys(bot.extras.bot.unmapped).map((key) => `bot.${key}`);
  return buildPlan(
    'cb',
    {
      input: bot.input,
      extras: bot.extras,
      keptKeys: [...Object.keys(bot.extras.topLevel), ...keptBotKeys],
      sourcePath: (path) => ['bot', ...path].join('.'),
    },
    (index) => {
      const item = mapCbResponder(file.responder[index]!, index);
      return {
        input: item.input,
        sourceName: item.sourceName,
        extras: item.extras,
        version: null,
        sourcePath: (path) => `responder.${index}.${cbPathOf(item.type, path)}`,
      };
    },
    file.responder.length,
  );
}

/**
 * Keys of a native integration that the new record gets afresh rather than from the file, and its parts
 * other features keep (`testCases`, read by the routes' IntegrationParts).
 */
const RECORD_KEYS = new Set(['id', 'botId', 'createdAt', 'updatedAt', 'version', 'extras', 'testCases']);

/** A version too large to leave room for saves under an ETag is not kept: the integration starts at 1. */
const keptVersion = (version: number | undefined) => (version !== undefined && version <= MAX_KEPT_IMPORT_VERSION ? version : null);

type NativeFile = z.infer<typeof nativeExportSchema>;
const nativeEnvelopeSchema = nativeExportSchema.extend({ integrations: z.array(z.unknown()) });

function planNative(file: NativeFile): Steps<ImportPlan> {
  return buildPlan(
    'native',
    {
      input: { name: file.bot.name, description: file.bot.description },
      extras: file.extras,
      keptKeys: file.extras ? Object.keys(file.extras.topLevel) : [],
      sourcePath: (path) => ['bot', ...path].join('.'),
    },
    (index) => {
      const integration = file.integrations[index]!;
      return {
        input: Object.fromEntries(Object.entries(integration).filter(([key]) => !RECORD_KEYS.has(key))),
        sourceName: typeof integration.name === 'string' && integration.name !== '' ? integration.name : `integrations[${index}]`,
        extras: integration.extras ?? null,
        version: keptVersion(integration.version),
        sourcePath: (path) => ['integrations', index, ...path].map(String).join('.'),
      };
    },
    file.integrations.length,
  );
}

function describeJson(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object without "bot" and "responder"' : `a ${typeof value}`;
}

/** The number of integrations a file brings, read before anything is parsed, so an oversized file costs nothing. */
function entryCount(file: object): number {
  const entries = 'format' in file ? (file as { integrations?: unknown }).integrations : (file as { responder?: unknown }).responder;
  return Array.isArray(entries) ? entries.length : 0;
}

/** The dialogs (`groups`) and interactions (`conversationMessage`) a file brings, where a CB or a native file keeps them. */
function dialogCounts(file: object): { dialogs: number; interactions: number } {
  const extras = 'format' in file ? (file as { extras?: { topLevel?: Record<string, unknown> } | null }).extras : undefined;
  const holder: Record<string, unknown> = 'format' in file ? (extras?.topLevel ?? {}) : (file as Record<string, unknown>);
  const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  return { dialogs: count(holder.groups), interactions: count(holder.conversationMessage) };
}

function tooLarge(count: number, what: string, limit: number): PlanResult {
  const reason = `The file holds ${count.toLocaleString('en-US')} ${what}: an import may bring at most ${limit.toLocaleString('en-US')} (the most a bot may hold). Split the bot.`;
  return { ok: false, reason, errors: {}, tooLarge: true };
}

function* planSteps(file: unknown): Steps<PlanResult> {
  const isObject = typeof file === 'object' && file !== null && !Array.isArray(file);
  if (isObject && entryCount(file) > MAX_INTEGRATIONS_PER_BOT) return tooLarge(entryCount(file), 'integrations', MAX_INTEGRATIONS_PER_BOT);
  if (isObject) {
    const { dialogs, interactions } = dialogCounts(file);
    if (dialogs > MAX_DIALOGS_PER_BOT) return tooLarge(dialogs, 'dialogs', MAX_DIALOGS_PER_BOT);
    if (interactions > MAX_INTERACTIONS_PER_BOT) return tooLarge(interactions, 'interactions', MAX_INTERACTIONS_PER_BOT);
  }
  if (isObject && 'format' in file) {
    if (file.format !== NATIVE_FORMAT) {
      return unreadable(
        `The file has "format": ${JSON.stringify(file.format)}, but the panel reads only "${NATIVE_FORMAT}" files and Conversation Builder exports.`,
      );
    }
    const notNative = 'The file says it is an Integrations Panel export, but its structure is not one.';
    // The envelope first, then each entry with pauses between batches: one parse of every entry would
    // hold the event loop for as long as the planning itself.
    const envelope = nativeEnvelopeSchema.safeParse(file);
    if (!envelope.success) return unreadable(notNative, envelope.error);
    const integrations: NativeFile['integrations'] = [];
    for (const [index, entry] of envelope.data.integrations.entries()) {
      if (index % PLAN_BATCH === PLAN_BATCH - 1) yield;
      const parsed = nativeIntegrationEntrySchema.safeParse(entry);
      if (!parsed.success) return unreadable(notNative, parsed.error, ['integrations', index]);
      integrations.push(parsed.data);
    }
    return { ok: true, plan: yield* planNative({ ...envelope.data, integrations }) };
  }
  if (isObject && ('bot' in file || 'responder' in file)) {
    const cb = cbExportSchema.safeParse(file);
    if (!cb.success) return unreadable('The file is not a complete Conversation Builder bot export.', cb.error);
    // Map the file as read: the parse output has its keys reordered (see mapCbExport).
    return { ok: true, plan: yield* planCb(file as CbExport) };
  }
  return unreadable(
    `The file is JSON but not a bot export: expected a Conversation Builder export (an object with "bot" and "responder") or an Integrations Panel export ("format": "${NATIVE_FORMAT}"), got ${describeJson(file)}.`,
  );
}

/** The dry-run plan of an import file already parsed as JSON (a CB export or a native export). */
export function planImport(file: unknown): PlanResult {
  return runNow(planSteps(file));
}

/** The same, giving the event loop back between batches of entries (what the HTTP route uses). */
export function planImportYielding(file: unknown): Promise<PlanResult> {
  return runSliced(planSteps(file));
}

/** The same from the file's text, for uploads read as text. */
export function planImportText(text: string): PlanResult {
  const tooDeepAt = depthExceededAt(text);
  if (tooDeepAt >= 0) {
    return unreadable(
      `The file nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep (at character ${tooDeepAt + 1}): the limit is ${MAX_JSON_DEPTH}.`,
    );
  }
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch (error) {
    return unreadable(`The file is not JSON: ${(error as Error).message}.`);
  }
  return planImport(file);
}
