import { AGENT_ESCALATION_FAILED, type Check } from '../../domain/dialogs';
import { patternMatches } from './cb-patterns';
import { invokedIntegration, isIntegrationInteraction, type BotModel, type InteractionRecord } from './dialog-model';
import { fieldPattern, visitInteraction } from './reference-places';

const ESCALATION_TYPE = 'LIVEPERSON_AGENT_ESCALATION';

function dialogName(model: BotModel, interaction: InteractionRecord): string {
  return model.dialogs.find((dialog) => dialog.id === interaction.dialogId)?.name ?? interaction.dialogId;
}

/** Starters of the dialogs that can start: enabled and not the fallback (which is what an uncaught message reaches). */
function liveStarters(model: BotModel): InteractionRecord[] {
  const live = new Set(
    model.dialogs.filter((dialog) => dialog.status !== 'DISABLED' && dialog.type !== 'FALLBACK_DIALOG').map((dialog) => dialog.id),
  );
  return model.interactions.filter((item) => item.kind === 'DIALOG_STARTER' && live.has(item.dialogId));
}

/** The starter of a dialog that can start on the failed-transfer message, whether or not the bot escalates. */
export function escalationFailureCatcher(model: BotModel): InteractionRecord | undefined {
  return liveStarters(model).find((item) => item.patterns?.some((pattern) => patternMatches(pattern, AGENT_ESCALATION_FAILED)));
}

export function escalationFailureCheck(model: BotModel): Check {
  const base = { id: 'escalation-failure-caught', title: `A dialog catches ${AGENT_ESCALATION_FAILED}` } as const;
  const transfers = model.interactions.filter((item) => item.kind === 'ESCALATION');
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
  const starters = liveStarters(model);
  const catcher = escalationFailureCatcher(model);
  if (catcher) {
    const pattern = catcher.patterns!.find((item) => patternMatches(item, AGENT_ESCALATION_FAILED))!;
    return {
      ...base,
      status: 'pass',
      detail: `Dialog "${dialogName(model, catcher)}" starts on pattern "${pattern}", which matches ${AGENT_ESCALATION_FAILED}.`,
      dialogId: catcher.dialogId,
      interactionId: catcher.id,
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
    };
  }
  return {
    ...base,
    status: 'fail',
    detail: `The bot escalates (${how}) but no dialog starter pattern matches ${AGENT_ESCALATION_FAILED}: when a transfer fails later on, the message goes to the Fallback dialog. Add a failure dialog.`,
    ...where,
  };
}

export function integrationExistsChecks(model: BotModel): Check[] {
  const base = { id: 'integration-exists', title: 'Integration interactions invoke integrations the bot has' } as const;
  const broken = model.interactions.filter((item) => isIntegrationInteraction(item) && !invokedIntegration(model, item));
  if (broken.length === 0)
    return [{ ...base, status: 'pass', detail: 'Every integration interaction invokes an integration of this bot.' }];
  return broken.map((item) => ({
    ...base,
    status: 'fail',
    detail: `Interaction "${item.name}" in dialog "${dialogName(model, item)}" invokes "${item.responderName ?? item.responderId ?? '(nothing)'}", which this bot does not have.`,
    dialogId: item.dialogId,
    interactionId: item.id,
  }));
}

/**
 * Every `{<name>.<key>}` whose name is an integration the bot has, or had (an interaction still
 * invokes it by that name), must name one of its custom data fields.
 */
export function customFieldChecks(model: BotModel): Check[] {
  const base = { id: 'custom-field-exists', title: 'Custom data fields shown in dialogs exist' } as const;
  const byName = new Map(model.integrations.map((item) => [item.integration.name, item.integration]));
  const invokedNames = new Set(model.interactions.map((item) => item.responderName).filter((name): name is string => Boolean(name)));
  const failures: Check[] = [];
  const seen = new Set<string>();
  for (const interaction of model.interactions) {
    visitInteraction(interaction.raw, (where, value) => {
      for (const match of value.matchAll(fieldPattern(null, where))) {
        const [, name, key] = match as unknown as [string, string, string];
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
          ...(integration ? { integrationId: integration.id } : {}),
        });
      }
      return value;
    });
  }
  return failures.length > 0
    ? failures
    : [{ ...base, status: 'pass', detail: 'Every {Integration.key} in the dialogs names a custom data field of that integration.' }];
}

export function runChecks(model: BotModel): Check[] {
  return [escalationFailureCheck(model), ...integrationExistsChecks(model), ...customFieldChecks(model)];
}
