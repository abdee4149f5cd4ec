import { AGENT_ESCALATION_FAILED } from '../../domain/dialogs';
import { TRANSFER_OUTCOMES, type TransferCoverageItem, type TransferOutcome } from '../../domain/rehearsal';
import { dialogOf, invokedIntegration, isIntegrationInteraction, type BotModel, type InteractionRecord } from '../dialogs/dialog-model';
import { rehearse, type RehearsalBot, type RunCode, type Verdict } from './rehearsal-engine';
import { runSliced, STEP_BATCH, type Steps } from '../event-loop-slices';

/*
 * Every escalation path of a bot (an Agent Transfer interaction, or an interaction invoking an Agent
 * Escalation integration, that a dialog starter reaches) rehearsed through every transfer outcome:
 * "handled" when what the customer ends with is something the bot chose.
 */

/** Paths a coverage run rehearses (each five times): a bot with more gets the first ones, in file order. */
const MAX_COVERAGE_PATHS = 40;

function isEscalation(model: BotModel, item: InteractionRecord) {
  if (item.kind === 'ESCALATION') return true;
  return isIntegrationInteraction(item) && invokedIntegration(model, item)?.integration.type === 'LIVEPERSON_AGENT_ESCALATION';
}

/** Escalations reached from the starter of a live dialog along the flow's transitions (linear in the flow). */
function* escalationPathsSteps(model: BotModel): Steps<InteractionRecord[]> {
  const live = new Set(
    model.dialogs.filter((dialog) => dialog.status !== 'DISABLED' && dialog.type !== 'FALLBACK_DIALOG').map((dialog) => dialog.id),
  );
  yield;
  const byId = new Map(model.interactions.map((item) => [item.id, item]));
  yield;
  const queue = model.interactions.filter((item) => item.kind === 'DIALOG_STARTER' && live.has(item.dialogId));
  const seen = new Set(queue.map((item) => item.id));
  const enteredDialogs = new Set<string>();
  for (let head = 0; head < queue.length; head += 1) {
    if (head % STEP_BATCH === STEP_BATCH - 1) yield;
    const item = queue[head]!;
    for (const transition of item.transitions) {
      const targets: InteractionRecord[] = [];
      if (transition.to === 'interaction' && transition.id) {
        const target = byId.get(transition.id);
        if (target) targets.push(target);
      } else if (transition.to === 'dialog' && transition.id && !enteredDialogs.has(transition.id)) {
        enteredDialogs.add(transition.id);
        targets.push(...(model.index.interactionsByDialog.get(transition.id) ?? []).slice(0, 1));
      }
      for (const target of targets) {
        if (seen.has(target.id)) continue;
        seen.add(target.id);
        queue.push(target);
      }
    }
  }
  yield;
  return model.interactions.filter((item) => seen.has(item.id) && isEscalation(model, item)).slice(0, MAX_COVERAGE_PATHS);
}

function judge(
  outcome: TransferOutcome,
  verdict: Verdict,
  bot: RehearsalBot,
  path: InteractionRecord,
): Pick<TransferCoverageItem, 'handled' | 'problem' | 'fix'> {
  const fallsThrough = `${AGENT_ESCALATION_FAILED} is caught by no dialog: it falls into the Fallback dialog. Add a failure dialog.`;
  if (outcome === 'late-failure' && verdict.eventFellThrough) return { handled: false, problem: fallsThrough, fix: 'add-failure-dialog' };
  if (outcome === 'late-failure-4x') {
    if (verdict.eventFellThrough) return { handled: false, problem: fallsThrough, fix: 'add-failure-dialog' };
    if (verdict.platformDefault)
      return {
        handled: false,
        problem: `After the fourth failed attempt the customer gets the platform's default text: set a default error message in Bot Settings.`,
      };
  }
  if (outcome === 'immediate-failure' && verdict.unanswered) {
    // Only an integration interaction has response rules on the platform; an Agent Transfer interaction has none.
    const ruleFits = isIntegrationInteraction(path);
    return {
      handled: false,
      problem: bot.defaultErrorMessage
        ? 'The transfer fails at once and nothing answers the customer.'
        : ruleFits
          ? 'The transfer fails at once, no response rule catches "failure" and the bot has no default error message: add a failure rule.'
          : 'The transfer fails at once and the bot has no default error message: set one in Bot Settings.',
      ...(ruleFits ? { fix: 'add-failure-rule' as const } : {}),
    };
  }
  if (verdict.messagesAfterTransfer && (outcome === 'accepted' || outcome === 'agent-unavailable'))
    return {
      handled: true,
      problem: 'A message is sent after the transfer (context switching): the customer sees it after the transfer message.',
    };
  return { handled: true };
}

export async function transferCoverage(
  bot: RehearsalBot,
  runCode: RunCode,
  envVariables: { key: string; value: string }[] = [],
): Promise<TransferCoverageItem[]> {
  const items: TransferCoverageItem[] = [];
  for (const path of await runSliced(escalationPathsSteps(bot.model))) {
    const where = {
      dialogName: dialogOf(bot.model, path)?.name ?? path.dialogId,
      interactionName: path.name,
      dialogId: path.dialogId,
      interactionId: path.id,
    };
    for (const outcome of TRANSFER_OUTCOMES) {
      const { verdict } = await rehearse(bot, { messages: [], transferOutcome: outcome, startAt: path, envVariables }, runCode);
      items.push({ path: where, outcome, customerSees: verdict.customerSees, ...judge(outcome, verdict, bot, path) });
    }
  }
  return items;
}
