import { AGENT_ESCALATION_FAILED, type Check } from '../../domain/dialogs';
import { patternMatches } from './cb-patterns';
import { dialogOf, invokedIntegration, isIntegrationInteraction, type BotModel, type InteractionRecord } from './dialog-model';
import { fieldReads } from '../../domain/reference-scan';
import { fieldOpeners, visitInteraction } from './reference-places';
import { STEP_BATCH, type Steps } from '../event-loop-slices';
import { envReferencesOf } from '../../domain/environments';
import type { ResolvedEnvironment } from '../environments/environments-repository';

const ESCALATION_TYPE = 'LIVEPERSON_AGENT_ESCALATION';

function dialogName(model: BotModel, interaction: InteractionRecord): string {
  return dialogOf(model, interaction)?.name ?? interaction.dialogId;
}

/** Starters of the dialogs that can start: enabled and not the fallback (which is what an uncaught message reaches). */
function* liveStartersSteps(model: BotModel): Steps<InteractionRecord[]> {
  const live = new Set<string>();
  for (const [index, dialog] of model.dialogs.entries()) {
    if (index % (STEP_BATCH * 10) === STEP_BATCH * 10 - 1) yield;
    if (dialog.status !== 'DISABLED' && dialog.type !== 'FALLBACK_DIALOG') live.add(dialog.id);
  }
  const starters: InteractionRecord[] = [];
  for (const [index, item] of model.interactions.entries()) {
    if (index % (STEP_BATCH * 10) === STEP_BATCH * 10 - 1) yield;
    if (item.kind === 'DIALOG_STARTER' && live.has(item.dialogId)) starters.push(item);
  }
  return starters;
}

/** The starter of a dialog that can start on the failed-transfer message, whether or not the bot escalates. */
export function* escalationFailureCatcherSteps(model: BotModel): Steps<InteractionRecord | undefined> {
  for (const [index, item] of (yield* liveStartersSteps(model)).entries()) {
    if (index % STEP_BATCH === STEP_BATCH - 1) yield;
    if (item.patterns?.some((pattern) => patternMatches(pattern, AGENT_ESCALATION_FAILED))) return item;
  }
  return undefined;
}

function* escalationFailureCheckSteps(model: BotModel): Steps<Check> {
  const base = { id: 'escalation-failure-caught', title: `A dialog catches ${AGENT_ESCALATION_FAILED}` } as const;
  const transfers: InteractionRecord[] = [];
  for (const [index, item] of model.interactions.entries()) {
    if (index % (STEP_BATCH * 10) === STEP_BATCH * 10 - 1) yield;
    if (item.kind === 'ESCALATION') transfers.push(item);
  }
  const escalationIntegration = model.integrations.find((item) => item.integration.type === ESCALATION_TYPE)?.integration;
  if (transfers.length === 0 && !escalationIntegration) {
    return {
      ...base,
      status: 'pass',
      detail: 'The bot has no Agent Transfer interaction and no Agent Escalation integration: it never escalates.',
    };
  }
  const how = escalationIntegration
    ? `the Agent Escalation integration "${escalationIntegration.name}"`
    : `the Agent Transfer "${transfers[0]!.name}" in dialog "${dialogName(model, transfers[0]!)}"`;
  const starters = yield* liveStartersSteps(model);
  let catcher: { starter: InteractionRecord; pattern: string } | undefined;
  for (const [index, starter] of starters.entries()) {
    if (index % STEP_BATCH === STEP_BATCH - 1) yield;
    const pattern = starter.patterns?.find((item) => patternMatches(item, AGENT_ESCALATION_FAILED));
    if (pattern !== undefined) {
      catcher = { starter, pattern };
      break;
    }
  }
  if (catcher) {
    const { starter, pattern } = catcher;
    return {
      ...base,
      status: 'pass',
      detail: `Dialog "${dialogName(model, starter)}" starts on pattern "${pattern}", which matches ${AGENT_ESCALATION_FAILED}.`,
      dialogId: starter.dialogId,
      interactionId: starter.id,
    };
  }
  const where = {
    ...(transfers[0] && !escalationIntegration ? { dialogId: transfers[0].dialogId, interactionId: transfers[0].id } : {}),
    ...(escalationIntegration ? { integrationId: escalationIntegration.id } : {}),
  };
  const intentOnly = starters.find((item) => item.intentId && (item.patterns ?? []).length === 0);
  if (intentOnly) {
    return {
      ...base,
      status: 'warn',
      detail: `The bot escalates (${how}) and no starter pattern matches ${AGENT_ESCALATION_FAILED}; dialog "${dialogName(model, intentOnly)}" starts on an intent only, which may or may not match it. Add a pattern to be sure.`,
      ...where,
      fix: { kind: 'add-failure-dialog' },
    };
  }
  return {
    ...base,
    status: 'fail',
    detail: `The bot escalates (${how}) but no dialog starter pattern matches ${AGENT_ESCALATION_FAILED}: when a transfer fails later on, the message goes to the Fallback dialog. Add a failure dialog.`,
    ...where,
    fix: { kind: 'add-failure-dialog' },
  };
}

function* integrationExistsChecksSteps(model: BotModel): Steps<Check[]> {
  const base = { id: 'integration-exists', title: 'Integration interactions invoke integrations the bot has' } as const;
  const broken: InteractionRecord[] = [];
  for (const [index, item] of model.interactions.entries()) {
    if (index % STEP_BATCH === STEP_BATCH - 1) yield;
    if (isIntegrationInteraction(item) && !invokedIntegration(model, item)) broken.push(item);
  }
  if (broken.length === 0)
    return [{ ...base, status: 'pass', detail: 'Every integration interaction invokes an integration of this bot.' }];
  return broken.map((item) => ({
    ...base,
    status: 'fail',
    detail: `Interaction "${item.name}" in dialog "${dialogName(model, item)}" invokes "${item.responderName ?? item.responderId ?? '(nothing)'}", which this bot does not have.`,
    dialogId: item.dialogId,
    interactionId: item.id,
    fix: { kind: 'missing-integration', invokes: invokes(item), repoint: true },
  }));
}

const invokes = (item: InteractionRecord) => ({
  ...(item.responderId ? { id: item.responderId } : {}),
  ...(item.responderName ? { name: item.responderName } : {}),
});

/**
 * Every `{<name>.<key>}` whose name is an integration the bot has, or had (an interaction still
 * invokes it by that name), must name one of its custom data fields.
 */
function* customFieldChecksSteps(model: BotModel): Steps<Check[]> {
  const base = { id: 'custom-field-exists', title: 'Custom data fields shown in dialogs exist' } as const;
  const byName = new Map(model.integrations.map((item) => [item.integration.name, item.integration]));
  const invokedNames = new Set(model.interactions.map((item) => item.responderName).filter((name): name is string => Boolean(name)));
  const failures: Check[] = [];
  const seen = new Set<string>();
  for (const [index, interaction] of model.interactions.entries()) {
    if (index % STEP_BATCH === STEP_BATCH - 1) yield;
    visitInteraction(interaction.raw, (where, value) => {
      for (const { name, key } of fieldReads(value, null, fieldOpeners(where))) {
        const integration = byName.get(name);
        if (!integration && !invokedNames.has(name)) continue;
        if (integration?.customDataFields.some((field) => field.key === key)) continue;
        const id = `${interaction.id}|${name}.${key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        failures.push({
          ...base,
          status: 'fail',
          detail: integration
            ? `Interaction "${interaction.name}" in dialog "${dialogName(model, interaction)}" shows {${name}.${key}}, but integration "${name}" has no custom data field "${key}".`
            : `Interaction "${interaction.name}" in dialog "${dialogName(model, interaction)}" shows {${name}.${key}}, but this bot has no integration "${name}".`,
          dialogId: interaction.dialogId,
          interactionId: interaction.id,
          ...(integration
            ? {
                integrationId: integration.id,
                // Where such a field usually comes from: the integration's own answer, under the same key.
                fix: {
                  kind: 'add-custom-field',
                  integrationId: integration.id,
                  key,
                  value: `{$.api_${integration.responseDataVariable}.${key}}`,
                },
              }
            : { fix: { kind: 'missing-integration', invokes: { name }, repoint: false } }),
        });
      }
      return value;
    });
  }
  return failures.length > 0
    ? failures
    : [{ ...base, status: 'pass', detail: 'Every {Integration.key} in the dialogs names a custom data field of that integration.' }];
}

export function* runChecksSteps(model: BotModel): Steps<Check[]> {
  const escalation = yield* escalationFailureCheckSteps(model);
  const exists = yield* integrationExistsChecksSteps(model);
  return [escalation, ...exists, ...(yield* customFieldChecksSteps(model))];
}

/** Every `{$env.NAME}` an integration uses that the bot's environment lacks (all of them when it has none). */
export function* envVariableChecksSteps(model: BotModel, environment: ResolvedEnvironment | null): Steps<Check[]> {
  const base = { id: 'env-variable-exists', title: "Environment variables the integrations use exist in the bot's environment" } as const;
  const names = new Set(environment?.variables.map((variable) => variable.name) ?? []);
  const failures: Check[] = [];
  for (const [index, { integration }] of model.integrations.entries()) {
    if (index % STEP_BATCH === STEP_BATCH - 1) yield;
    const seen = new Set<string>();
    for (const reference of envReferencesOf(integration)) {
      if (names.has(reference.name) || seen.has(reference.name)) continue;
      seen.add(reference.name);
      failures.push({
        ...base,
        status: 'fail',
        detail: environment
          ? `Integration "${integration.name}" uses {$env.${reference.name}} (${reference.field}), which environment "${environment.name}" lacks: add it there.`
          : `Integration "${integration.name}" uses {$env.${reference.name}} (${reference.field}), but the bot has no environment: pick one that has it.`,
        integrationId: integration.id,
      });
    }
  }
  return failures.length > 0
    ? failures
    : [
        {
          ...base,
          status: 'pass',
          detail: environment
            ? `Environment "${environment.name}" has every {$env.NAME} the integrations use.`
            : 'No integration uses {$env.NAME}.',
        },
      ];
}
