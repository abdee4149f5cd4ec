import { RE2JS } from 're2js';
import { AGENT_ESCALATION_FAILED } from '../../domain/dialogs';
import { BLANK_MESSAGE } from '../../domain/integration-types/agent-escalation';
import { demoSampleFor } from '../../domain/integration-types';
import type { Integration } from '../../domain/integration';
import {
  LATE_FAILURE_EVENTS,
  PLATFORM_TRANSFER_GIVE_UP,
  REHEARSAL_CODE_RUNS,
  REHEARSAL_STEP_BUDGET,
  type Rehearsal,
  type RehearsalRequest,
  type RehearsalStep,
  type RehearsalWarning,
  type TransferOutcome,
} from '../../domain/rehearsal';
import type { SimulateRequestValues, SimulationOutput } from '../../domain/simulation';
import { patternMatches } from '../dialogs/cb-patterns';
import { dialogOf, invokedIntegration, isIntegrationInteraction, type BotModel, type InteractionRecord } from '../dialogs/dialog-model';
import type { SimulatedIntegration } from '../simulator/simulate';

/*
 * Plays a bot's dialogs as Conversation Builder's runtime does, one customer message at a time:
 * a message answers the question the bot is waiting on (its response rules), else starts the first
 * dialog whose starter pattern matches, else goes to the Fallback dialog. Code (pre- and post-process,
 * transform scripts) runs in the simulator's sandbox with its budgets; integrations are answered by a
 * sample, never called. A transfer is played with the outcome the builder picked (reference §3.3).
 * Every walk has a step budget, so a loop in the flow ends with a warning, not a hung request.
 */

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export type RunCode = (integration: SimulatedIntegration, request: SimulateRequestValues) => Promise<SimulationOutput>;

export interface RehearsalBot {
  model: BotModel;
  /** Bot Settings' "default user-friendly response" (`botAttributes.DEFAULT_ERROR_MESSAGE`). */
  defaultErrorMessage: string | null;
}

export interface RehearseOptions extends Omit<RehearsalRequest, 'integrationResults' | 'environmentId'> {
  /** Each integration's answer by its name: a test case id the route could not find stays an id (a warning). */
  integrationResults?: Record<string, string | { status: number; body: string; headers?: Record<string, string> }>;
  /** The environment's variables (`{$env.NAME}`, getEnvVariable), resolved by the route. */
  envVariables?: { key: string; value: string }[];
  /** Coverage starts a walk at the transfer itself rather than at a customer message. */
  startAt?: InteractionRecord;
}

/** What the coverage table reads beside the rehearsal: who answered the failure. */
export interface Verdict {
  /** The failed-transfer message went to the Fallback dialog (or nothing caught it). */
  eventFellThrough: boolean;
  /** The platform's own give-up text reached the customer. */
  platformDefault: boolean;
  /** An immediate failure left the customer without any answer the bot chose. */
  unanswered: boolean;
  messagesAfterTransfer: boolean;
  customerSees: string[];
}

const QUESTION_KINDS = new Set(['TEXT_QUESTION', 'QUICK_REPLY', 'MULTIPLE_CHOICE_QUESTION', 'BUTTON_QUESTION']);
const INPUT_MATCHES = new Set(['PATTERN', 'REGEX', 'EVAL_OPTION', 'NO_MATCH']);
/** Interactions whose content a chat can only show as its text. */
const CHANNEL_KINDS = new Set(['STRUCTURED', 'BUTTON', 'IMAGE', 'UNIVERSAL', 'CAROUSEL', 'VIDEO', 'AUDIO', 'FILE', 'MULTIPLE_CHOICE']);
const ESCALATION_TYPE = 'LIVEPERSON_AGENT_ESCALATION';
const MAX_REGEX = 1000;

interface Rule {
  name?: string;
  conditions: Json[];
  action: { name: string; value: string };
}

function rulesOf(raw: Json): Rule[] {
  const matches = Array.isArray(raw.responseMatches) ? raw.responseMatches.filter(isObject) : [];
  return matches.map((match) => {
    const action = isObject(match.action) ? match.action : {};
    return {
      ...(typeof match.name === 'string' && match.name !== '' ? { name: match.name } : {}),
      conditions: Array.isArray(match.conditions) ? match.conditions.filter(isObject) : [],
      action: {
        name: typeof action.name === 'string' ? action.name : 'INTERACTION',
        value: typeof action.value === 'string' ? action.value : 'next',
      },
    };
  });
}

const apiStatusOf = (condition: Json): string | undefined =>
  condition.matchType === 'API_RESULT' && isObject(condition.apiResultsMatch) && typeof condition.apiResultsMatch.status === 'string'
    ? condition.apiResultsMatch.status.toUpperCase()
    : undefined;

/** The options a question shows, and the payload a pick sends. */
function optionsOf(raw: Json): Array<{ title: string; payload: string }> {
  const options: Array<{ title: string; payload: string }> = [];
  const add = (item: unknown) => {
    if (!isObject(item)) return;
    const title = typeof item.title === 'string' ? item.title : typeof item.text === 'string' ? item.text : undefined;
    if (!title) return;
    const payload =
      typeof item.payload === 'string' && item.payload !== '' ? item.payload : typeof item.value === 'string' ? item.value : title;
    options.push({ title, payload });
  };
  if (Array.isArray(raw.quickReplies)) raw.quickReplies.forEach(add);
  const content = isObject(raw.content) ? raw.content : {};
  const results = isObject(content.results) ? content.results : {};
  const tile = isObject(results.tile) ? results.tile : {};
  for (const data of Array.isArray(tile.tileData) ? tile.tileData.filter(isObject) : []) {
    if (Array.isArray(data.quickReplyList)) data.quickReplyList.forEach(add);
    if (Array.isArray(data.buttons)) data.buttons.forEach(add);
  }
  return options;
}

function escalationOf(raw: Json): Json {
  const content = isObject(raw.content) ? raw.content : {};
  const results = isObject(content.results) ? content.results : {};
  const tile = isObject(results.tile) ? results.tile : {};
  const data = Array.isArray(tile.tileData) ? tile.tileData.filter(isObject) : [];
  return data.map((item) => item.escalation).find(isObject) ?? {};
}

interface TransferSpec {
  message: string;
  skillId: string;
  agentId?: string;
  botContext?: boolean;
}

type Next = { to: 'interaction'; interaction: InteractionRecord; rule?: string } | { to: 'wait' } | { to: 'end' };

/** Thrown when a rehearsal has spent a budget; `message` names which. */
class BudgetSpent extends Error {}

class Rehearser {
  private readonly transcript: Rehearsal['transcript'] = [];
  private readonly steps: RehearsalStep[] = [];
  private readonly warnings: RehearsalWarning[] = [];
  private readonly warned = new Set<string>();
  private readonly variables = new Map<string, string>();
  private stepsLeft = REHEARSAL_STEP_BUDGET;
  private codeRunsLeft = REHEARSAL_CODE_RUNS;
  private waitingAt: InteractionRecord | null = null;
  private transfer: Rehearsal['transfer'];
  private outcome: Rehearsal['outcome'] = 'no-transfer';
  private transferred = false;
  private pendingEvents = 0;
  private handlingEvent = false;
  private lastApi: { rdv: string; status: number; body: string } | null = null;
  private userMessage = '';
  private readonly byName = new Map<string, InteractionRecord>();
  private readonly byId = new Map<string, InteractionRecord>();
  readonly verdict: Verdict = {
    eventFellThrough: false,
    platformDefault: false,
    unanswered: false,
    messagesAfterTransfer: false,
    customerSees: [],
  };

  constructor(
    private readonly bot: RehearsalBot,
    private readonly options: RehearseOptions,
    private readonly runCode: RunCode,
  ) {
    for (const item of bot.model.interactions) {
      if (!this.byName.has(item.name)) this.byName.set(item.name, item);
      if (!this.byId.has(item.id)) this.byId.set(item.id, item);
    }
  }

  async run(): Promise<Rehearsal> {
    try {
      if (this.options.startAt) {
        await this.walk(this.options.startAt);
        await this.deliverEvents();
      }
      for (const message of this.options.messages) {
        if (this.transferred && !this.handlingEvent) {
          this.note(`"${message}" goes to the agent: the bot no longer answers after an accepted transfer.`);
          this.warn('after-transfer', 'Messages after an accepted transfer go to the agent, not to the bot.');
          break;
        }
        await this.customerSays(message, 'user');
        await this.deliverEvents();
      }
    } catch (error) {
      if (!(error instanceof BudgetSpent)) throw error;
      this.warn('step-budget', `The rehearsal stopped after ${error.message}: the flow loops, or is longer than a rehearsal plays.`);
    }
    return {
      transcript: this.transcript,
      steps: this.steps,
      ...(this.transfer ? { transfer: this.transfer } : {}),
      outcome: this.outcome,
      warnings: this.warnings,
    };
  }

  // --- what the customer and the platform say ---------------------------------------------------

  private async customerSays(input: string, from: 'user' | 'platform'): Promise<void> {
    const question = this.waitingAt;
    const picked = question
      ? optionsOf(question.raw).find((option) => option.title.toLowerCase() === input.trim().toLowerCase())
      : undefined;
    const text = picked ? picked.payload : input;
    this.userMessage = text;
    const entry = { from, text: input, dialogName: null as string | null, interactionName: null as string | null };
    this.transcript.push(entry);
    if (question) {
      this.waitingAt = null;
      const answer = this.answerRule(question, text);
      if (answer && !answer.noMatch) {
        this.take(entry, question);
        this.step(question, { matched: answer.matched, ...(answer.rule.name ? { rule: answer.rule.name } : {}) });
        const next = this.follow(question, answer.rule);
        if (next.to === 'interaction') await this.walk(next.interaction);
        return;
      }
      const starter = this.starterFor(text);
      if (starter) return this.startDialog(entry, starter);
      if (answer?.noMatch) {
        this.take(entry, question);
        const fallbackMessage = isObject(answer.condition.noMatch) ? answer.condition.noMatch.fallbackMessage : undefined;
        this.step(question, { matched: 'NO_MATCH', ...(answer.rule.name ? { rule: answer.rule.name } : {}) });
        if (typeof fallbackMessage === 'string' && fallbackMessage !== '') this.say(question, fallbackMessage);
        const next = this.follow(question, answer.rule);
        if (next.to === 'interaction') await this.walk(next.interaction);
        else this.waitingAt = question;
        return;
      }
    } else {
      const starter = this.starterFor(text);
      if (starter) return this.startDialog(entry, starter);
    }
    const fallback = this.bot.model.dialogs.find((dialog) => dialog.type === 'FALLBACK_DIALOG' && dialog.status !== 'DISABLED');
    if (text === AGENT_ESCALATION_FAILED) this.verdict.eventFellThrough = true;
    const first = fallback ? this.firstOf(fallback.id) : undefined;
    if (!fallback || !first) {
      this.warn('no-fallback', `No dialog starts on "${text}" and the bot has no Fallback dialog: the bot says nothing.`);
      return;
    }
    entry.dialogName = fallback.name;
    entry.interactionName = first.name;
    await this.walk(first);
  }

  private take(entry: { dialogName: string | null; interactionName: string | null }, interaction: InteractionRecord) {
    entry.dialogName = this.dialogName(interaction);
    entry.interactionName = interaction.name;
  }

  private async startDialog(
    entry: { dialogName: string | null; interactionName: string | null },
    { starter, pattern }: { starter: InteractionRecord; pattern: string },
  ) {
    this.take(entry, starter);
    await this.walk(starter, pattern);
  }

  /** The first live dialog starter whose pattern matches, in file order; intents are not guessed. */
  private starterFor(text: string): { starter: InteractionRecord; pattern: string } | undefined {
    const live = new Set(
      this.bot.model.dialogs
        .filter((dialog) => dialog.status !== 'DISABLED' && dialog.type !== 'FALLBACK_DIALOG')
        .map((dialog) => dialog.id),
    );
    const intentOnly: InteractionRecord[] = [];
    for (const item of this.bot.model.interactions) {
      if (item.kind !== 'DIALOG_STARTER' || !live.has(item.dialogId)) continue;
      const pattern = item.patterns?.find((candidate) => patternMatches(candidate, text));
      if (pattern !== undefined) return { starter: item, pattern };
      if (item.intentId) intentOnly.push(item);
    }
    for (const item of intentOnly.slice(0, 5))
      this.warn(
        'intent-not-evaluated',
        `Dialog "${this.dialogName(item)}" also starts on an NLU intent, which a rehearsal cannot evaluate: to play it, type one of its patterns${item.patterns?.length ? ` (${item.patterns.slice(0, 3).join(', ')})` : ''}.`,
        item,
      );
    return undefined;
  }

  private async deliverEvents() {
    while (this.pendingEvents > 0) {
      const total = this.options.transferOutcome === 'late-failure-4x' ? LATE_FAILURE_EVENTS : 1;
      const number = total - this.pendingEvents + 1;
      this.pendingEvents -= 1;
      this.note(
        total > 1
          ? `Transfer attempt ${number} failed after it started: the platform sends ${AGENT_ESCALATION_FAILED} to the bot (${number} of ${total}).`
          : `The transfer failed after it started: the platform sends ${AGENT_ESCALATION_FAILED} to the bot as if the customer had typed it.`,
      );
      this.handlingEvent = true;
      try {
        await this.customerSays(AGENT_ESCALATION_FAILED, 'platform');
      } finally {
        this.handlingEvent = false;
      }
      if (total > 1 && this.pendingEvents === 0) {
        this.note(`The fourth attempt fails too: the platform stops escalating and sends the customer its default response.`);
        const own = this.bot.defaultErrorMessage;
        if (own) this.transcript.push({ from: 'bot', text: own, dialogName: null, interactionName: null });
        else {
          this.verdict.platformDefault = true;
          this.transcript.push({ from: 'platform', text: PLATFORM_TRANSFER_GIVE_UP, dialogName: null, interactionName: null });
        }
        this.verdict.customerSees.push(own ?? PLATFORM_TRANSFER_GIVE_UP);
      }
    }
  }

  // --- walking the flow ----------------------------------------------------------------------------

  private spend() {
    this.stepsLeft -= 1;
    if (this.stepsLeft < 0) throw new BudgetSpent(`${REHEARSAL_STEP_BUDGET} steps`);
  }

  private async walk(start: InteractionRecord, matched?: string): Promise<void> {
    let current: InteractionRecord | undefined = start;
    let pattern = matched;
    while (current) {
      this.spend();
      const next = await this.play(current, pattern);
      pattern = undefined;
      if (next.to === 'interaction') current = next.interaction;
      else {
        if (next.to === 'wait') this.waitingAt = current;
        return;
      }
    }
  }

  private async play(interaction: InteractionRecord, matched?: string): Promise<Next> {
    const trigger = interaction.preProcess ? await this.code(interaction, interaction.preProcess, 'pre-process') : null;
    let success = true;
    const kind = interaction.kind;
    if (kind === 'DIALOG_STARTER') {
      this.step(interaction, matched ? { matched } : {});
    } else if (kind === 'ESCALATION') {
      const escalation = escalationOf(interaction.raw);
      const agentId = typeof escalation.agentId === 'string' && escalation.agentId !== '' ? escalation.agentId : undefined;
      this.step(interaction, {});
      success = await this.transferTo(interaction, {
        message: interaction.texts[0] ?? 'Transferring to an agent...',
        skillId: interaction.agentSkillId ?? '',
        ...(agentId ? { agentId } : {}),
        botContext: escalation.tangoContextEnabled === true,
      });
    } else if (isIntegrationInteraction(interaction)) {
      const found = invokedIntegration(this.bot.model, interaction);
      if (!found) {
        this.warn(
          'integration-missing',
          `Interaction "${interaction.name}" invokes "${interaction.responderName ?? interaction.responderId ?? '(nothing)'}", which this bot does not have: played as a failure.`,
          interaction,
        );
        this.step(interaction, {});
        success = false;
      } else if (found.integration.type === ESCALATION_TYPE) {
        const values = found.integration;
        this.step(interaction, { integration: values.name });
        success = await this.transferTo(interaction, {
          message: values.messageToUser,
          skillId: values.agentSkillId,
          ...(values.agentId ? { agentId: values.agentId } : {}),
          botContext: values.transferBotContext,
        });
      } else {
        success = await this.callIntegration(interaction, found.integration);
      }
    } else {
      this.show(interaction);
      if (CHANNEL_KINDS.has(kind))
        this.warn(
          'channel-element',
          `"${interaction.name}" is a ${kind} interaction: the rehearsal shows its text and options only.`,
          interaction,
        );
      if (
        !QUESTION_KINDS.has(kind) &&
        !rulesOf(interaction.raw).some((item) => item.conditions.some((c) => INPUT_MATCHES.has(String(c.matchType))))
      )
        this.step(interaction, {});
    }
    const after = interaction.postProcess ? await this.code(interaction, interaction.postProcess, 'post-process') : null;
    const triggered = after ?? trigger;
    if (triggered) {
      const target = this.byName.get(triggered);
      if (target) return { to: 'interaction', interaction: target };
      this.warn('unknown-interaction', `The code asks for interaction "${triggered}" next, which the bot does not have.`, interaction);
    }
    if (this.waitsForInput(interaction)) {
      this.step(interaction, {});
      return { to: 'wait' };
    }
    const rules = rulesOf(interaction.raw);
    const status = success ? 'SUCCESS' : 'FAILURE';
    const chosen =
      rules.find((item) => item.conditions.some((condition) => apiStatusOf(condition) === status)) ??
      rules.find((item) => !item.conditions.some((condition) => apiStatusOf(condition) !== undefined));
    if (!chosen) {
      if (!success && this.isTransfer(interaction)) this.answerImmediateFailure(interaction);
      return interaction.next ? this.toInteraction(interaction, interaction.next) : { to: 'end' };
    }
    if (!success && this.isTransfer(interaction) && !chosen.conditions.some((condition) => apiStatusOf(condition) === 'FAILURE'))
      this.answerImmediateFailure(interaction);
    if (chosen.name) {
      // On the interaction's own step, not on the code that ran after it.
      const own = this.steps.findLast((item) => item.interactionId === interaction.id && item.kind !== 'CODE');
      if (own) own.rule ??= chosen.name;
    }
    return this.follow(interaction, chosen);
  }

  private isTransfer(interaction: InteractionRecord) {
    if (interaction.kind === 'ESCALATION') return true;
    return invokedIntegration(this.bot.model, interaction)?.integration.type === ESCALATION_TYPE;
  }

  private waitsForInput(interaction: InteractionRecord) {
    if (QUESTION_KINDS.has(interaction.kind)) return true;
    return rulesOf(interaction.raw).some((item) => item.conditions.some((condition) => INPUT_MATCHES.has(String(condition.matchType))));
  }

  private follow(interaction: InteractionRecord, rule: Rule): Next {
    if (rule.action.name === 'DIALOG') {
      const first = this.firstOf(rule.action.value);
      return first ? { to: 'interaction', interaction: first } : { to: 'end' };
    }
    const value = rule.action.value;
    if (value === 'none' || value === '') return { to: 'end' };
    if (value === 'next') return interaction.next ? this.toInteraction(interaction, interaction.next) : { to: 'end' };
    return this.toInteraction(interaction, value);
  }

  private toInteraction(from: InteractionRecord, id: string): Next {
    const target = this.byId.get(id);
    if (!target) {
      this.warn('unknown-interaction', `"${from.name}" goes on to interaction ${id}, which the bot does not have.`, from);
      return { to: 'end' };
    }
    return { to: 'interaction', interaction: target };
  }

  /** A dialog's entry: its starter, else its first interaction in file order. */
  private firstOf(dialogId: string): InteractionRecord | undefined {
    const items = this.bot.model.index.interactionsByDialog.get(dialogId) ?? [];
    return items.find((item) => item.kind === 'DIALOG_STARTER') ?? items.find((item) => !item.raw.prevMessageId) ?? items[0];
  }

  /** The rule of a question the answer takes: rules in order, NO_MATCH only when no other matches. */
  private answerRule(
    question: InteractionRecord,
    text: string,
  ): { rule: Rule; matched: string; noMatch: false } | { rule: Rule; condition: Json; noMatch: true } | undefined {
    let noMatch: { rule: Rule; condition: Json; noMatch: true } | undefined;
    for (const rule of rulesOf(question.raw)) {
      if (rule.conditions.length === 0) return { rule, matched: '(any answer)', noMatch: false };
      for (const condition of rule.conditions) {
        if (condition.matchType === 'NO_MATCH') {
          noMatch ??= { rule, condition, noMatch: true };
          continue;
        }
        const matched = this.conditionMatches(question, condition, text);
        if (matched !== undefined) return { rule, matched, noMatch: false };
      }
    }
    return noMatch;
  }

  private conditionMatches(question: InteractionRecord, condition: Json, text: string): string | undefined {
    if (condition.matchType === 'PATTERN' && isObject(condition.patternMatch)) {
      const patterns = Array.isArray(condition.patternMatch.patterns) ? condition.patternMatch.patterns : [];
      return patterns.find((pattern): pattern is string => typeof pattern === 'string' && patternMatches(pattern, text));
    }
    if (condition.matchType === 'EVAL_OPTION' && isObject(condition.evaluateOptionMatch)) {
      const value = condition.evaluateOptionMatch.value;
      return typeof value === 'string' && value.trim().toLowerCase() === text.trim().toLowerCase() ? value : undefined;
    }
    if (condition.matchType === 'REGEX' && isObject(condition.regexMatch)) {
      const source = condition.regexMatch.regexText;
      if (typeof source !== 'string' || source.length > MAX_REGEX) return undefined;
      try {
        // RE2: linear in the text whatever the bot's expression is (no backtracking on imported input).
        return RE2JS.compile(source).matcher(text).find() ? `/${source}/` : undefined;
      } catch {
        this.warn(
          'regex-invalid',
          `The expression /${source}/ of "${question.name}" is not one RE2 reads: the rule is taken as not matching.`,
          question,
        );
        return undefined;
      }
    }
    return undefined;
  }

  // --- what the bot does -----------------------------------------------------------------------------

  private show(interaction: InteractionRecord) {
    const options = optionsOf(interaction.raw).map((option) => option.title);
    const texts = interaction.texts.filter((text) => text !== BLANK_MESSAGE);
    texts.forEach((text, index) => {
      const last = index === texts.length - 1;
      this.say(interaction, this.substitute(interaction, text), last && options.length > 0 ? options : undefined);
    });
    if (texts.length === 0 && options.length > 0) this.say(interaction, '', options);
  }

  private say(interaction: InteractionRecord, text: string, quickReplies?: string[]) {
    const delay = interaction.interactionDelay;
    if (this.transferred && !this.handlingEvent) {
      this.verdict.messagesAfterTransfer = true;
      this.warn(
        'message-after-transfer',
        `"${interaction.name}" sends a message after the transfer was accepted (context switching): the customer sees it after the transfer message. Send the message in the transfer itself, or end the dialog at the transfer.`,
        interaction,
      );
    }
    this.transcript.push({
      from: 'bot',
      ...(text !== '' ? { text } : {}),
      ...(quickReplies ? { quickReplies } : {}),
      dialogName: this.dialogName(interaction),
      interactionName: interaction.name,
      ...(delay ? { delayMs: delay } : {}),
    });
    if (text !== '') this.verdict.customerSees.push(text);
  }

  private note(text: string, interaction?: InteractionRecord) {
    this.transcript.push({
      from: 'platform',
      text,
      dialogName: interaction ? this.dialogName(interaction) : null,
      interactionName: interaction?.name ?? null,
    });
  }

  private answerImmediateFailure(interaction: InteractionRecord) {
    const own = this.bot.defaultErrorMessage;
    if (own) {
      this.note(
        'The transfer failed at once and no response rule catches "failure": the bot sends its default error message.',
        interaction,
      );
      this.say(interaction, own);
    } else {
      this.verdict.unanswered = true;
      this.note(
        'The transfer failed at once, no response rule catches "failure" and the bot has no default error message: the customer gets no answer.',
        interaction,
      );
    }
  }

  /** Plays a transfer with the outcome picked for it; answers whether the transfer call succeeded. */
  private async transferTo(interaction: InteractionRecord, spec: TransferSpec): Promise<boolean> {
    const picked: TransferOutcome = this.options.transferOutcome ?? 'accepted';
    const retry = this.handlingEvent;
    // A retry from a failure dialog: in ×4 it fails like the first; otherwise the second attempt goes through.
    let outcome: TransferOutcome = retry ? (picked === 'late-failure-4x' ? 'late-failure-4x' : 'accepted') : picked;
    const skillId = this.substitute(interaction, spec.skillId);
    if (/\{[^{}]*\}/.test(skillId))
      this.warn(
        'skill-id-variable',
        `The skill id "${spec.skillId}" is read from a variable the rehearsal has no value for: set it earlier in the flow to check it is a number.`,
        interaction,
      );
    else if (!/^\d+$/.test(skillId.trim())) {
      this.warn(
        'skill-id-not-numeric',
        `The skill id is "${skillId}" after substitution, not a number: the transfer fails at once ("The Agent Skill ID is incorrect").`,
        interaction,
      );
      outcome = 'immediate-failure';
    }
    const message = this.substitute(interaction, spec.message);
    if (!this.transfer) {
      this.transfer = {
        skillId,
        ...(spec.agentId ? { agentId: this.substitute(interaction, spec.agentId) } : {}),
        message,
        ...(spec.botContext !== undefined ? { botContext: spec.botContext } : {}),
      };
      this.outcome = outcome;
    }
    if (outcome === 'immediate-failure') {
      this.note(
        `The transfer call to skill ${skillId || '(none)'} fails at once: the interaction's "failure" rule decides what follows.`,
        interaction,
      );
      return false;
    }
    if (message !== BLANK_MESSAGE) this.say(interaction, message);
    else this.note('Message to User is BLANK_MESSAGE: the transfer sends no message.', interaction);
    if (retry && outcome === 'late-failure-4x') {
      this.note('This transfer attempt fails later too.', interaction);
      return true;
    }
    if (outcome === 'late-failure' || outcome === 'late-failure-4x') {
      this.note(`The transfer call to skill ${skillId} is accepted; the customer waits for an agent.`, interaction);
      this.pendingEvents = outcome === 'late-failure-4x' ? LATE_FAILURE_EVENTS : 1;
      return true;
    }
    if (outcome === 'agent-unavailable') {
      this.note(
        spec.agentId
          ? `Agent ${this.transfer?.agentId ?? spec.agentId} is not available: skill ${skillId} gets the conversation.`
          : `No agent is named: skill ${skillId} gets the conversation, whoever is available.`,
        interaction,
      );
    } else {
      this.note(`Transferred to skill ${skillId}${spec.agentId ? ` (agent ${this.transfer?.agentId ?? spec.agentId})` : ''}.`, interaction);
    }
    this.transferred = true;
    return true;
  }

  private async callIntegration(interaction: InteractionRecord, integration: Integration): Promise<boolean> {
    const given = this.options.integrationResults?.[integration.name];
    let sample: SimulateRequestValues['sample'];
    if (typeof given === 'object') sample = given;
    else {
      if (typeof given === 'string')
        this.warn(
          'test-case-unknown',
          `Integration "${integration.name}" has no test case "${given}": answered by its sample instead.`,
          interaction,
        );
      const demo = demoSampleFor(integration);
      if (demo === '')
        this.warn(
          'integration-sample',
          `Integration "${integration.name}" has no sample result: answered 200 with {}. Give one in integrationResults.`,
          interaction,
        );
      sample = { status: 200, body: demo === '' ? '{}' : demo };
    }
    const output = await this.sandboxRun(
      {
        responseDataVariable: integration.responseDataVariable,
        transformScript: integration.transformScript,
        customDataFields: integration.customDataFields,
      },
      this.request(sample),
    );
    const variablesSet = this.apply(interaction, output, 'transform script');
    for (const field of output.customDataFields) {
      const value = field.value === null ? null : typeof field.value === 'string' ? field.value : JSON.stringify(field.value);
      const key = `${integration.name}.${field.key}`;
      if (value === null) this.variables.delete(key);
      else this.variables.set(key, value);
      variablesSet.push({ key, value });
    }
    this.variables.set(`api_${integration.responseDataVariable}Status`, String(sample.status));
    this.lastApi = { rdv: integration.responseDataVariable, status: sample.status, body: sample.body };
    const success = sample.status >= 200 && sample.status < 300 && output.error === null;
    this.step(interaction, { integration: integration.name, variablesSet });
    return success;
  }

  /** Every sandbox run goes through here: a rehearsal makes at most REHEARSAL_CODE_RUNS of them. */
  private sandboxRun(integration: SimulatedIntegration, request: SimulateRequestValues): Promise<SimulationOutput> {
    this.codeRunsLeft -= 1;
    if (this.codeRunsLeft < 0) throw new BudgetSpent(`${REHEARSAL_CODE_RUNS} code runs`);
    return this.runCode(integration, request);
  }

  private request(sample: SimulateRequestValues['sample']): SimulateRequestValues {
    // The sandbox takes at most 200 variables of 64 KB: the latest ones, which the code most likely reads.
    const rows = [...this.variables.entries()].slice(-200).map(([key, value]) => ({ key, value: value.slice(0, 64 * 1024) }));
    return { sample, botVariables: rows, envVariables: this.options.envVariables ?? [], userMessage: this.userMessage.slice(0, 2000) };
  }

  /** Runs pre- or post-process code; answers the interaction it asks for next, if any. */
  private async code(interaction: InteractionRecord, source: string, where: string): Promise<string | null> {
    this.spend();
    const last = this.lastApi;
    const output = await this.sandboxRun(
      { responseDataVariable: last?.rdv ?? 'Rehearsal', transformScript: source, customDataFields: [] },
      this.request(last ? { status: last.status, body: last.body } : { status: 200, body: '{}' }),
    );
    const variablesSet = this.apply(interaction, output, where);
    this.step(interaction, { kind: 'CODE', matched: where, ...(variablesSet.length ? { variablesSet } : {}) });
    return output.triggerNextMessage;
  }

  /** What code left: variables, sent messages; an error becomes a warning, as CB logs it and goes on. */
  private apply(interaction: InteractionRecord, output: SimulationOutput, where: string) {
    const variablesSet = output.botVariables.map((item) => ({ ...item }));
    for (const { key, value } of output.botVariables) {
      if (value === null) this.variables.delete(key);
      else this.variables.set(key, value);
    }
    for (const message of output.messages) this.say(interaction, message);
    if (output.error) this.warn('code-error', `The ${where} of "${interaction.name}" stopped: ${output.error.message}`, interaction);
    return variablesSet;
  }

  private substitute(interaction: InteractionRecord, text: string): string {
    return text.replace(/\{([^{}]{1,200})\}/g, (whole, inner: string) => {
      const name = inner.trim();
      if (name.startsWith('$env.')) {
        const variable = this.options.envVariables?.find((row) => row.key === name.slice('$env.'.length));
        if (variable) return variable.value;
      }
      const key = name.startsWith('$botContext.') ? name.slice('$botContext.'.length) : name.startsWith('$') ? null : name;
      const value = key === null ? undefined : this.variables.get(key);
      if (value !== undefined) return value;
      if (name.includes('.') || name.startsWith('$'))
        this.warn('unresolved-variable', `${whole} has no value in this rehearsal: shown as written.`, interaction);
      return whole;
    });
  }

  // --- bookkeeping -------------------------------------------------------------------------------------

  private dialogName(interaction: InteractionRecord) {
    return dialogOf(this.bot.model, interaction)?.name ?? interaction.dialogId;
  }

  private step(interaction: InteractionRecord, extra: Partial<RehearsalStep>) {
    this.steps.push({
      dialogName: this.dialogName(interaction),
      interactionName: interaction.name,
      dialogId: interaction.dialogId,
      interactionId: interaction.id,
      kind: interaction.kind,
      ...extra,
    });
  }

  private warn(code: RehearsalWarning['code'], detail: string, interaction?: InteractionRecord) {
    const key = `${code}|${interaction?.id ?? ''}|${detail}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warnings.push({
      code,
      detail,
      ...(interaction ? { dialogName: this.dialogName(interaction), interactionName: interaction.name } : {}),
    });
  }
}

export async function rehearse(bot: RehearsalBot, options: RehearseOptions, runCode: RunCode) {
  const rehearser = new Rehearser(bot, options, runCode);
  const rehearsal = await rehearser.run();
  return { rehearsal, verdict: rehearser.verdict };
}
