import type { Usage, UsagePlace } from '../../domain/dialogs';
import type { Integration } from '../../domain/integration';
import {
  dialogOf,
  invokedIntegration,
  isIntegrationInteraction,
  type BotIntegration,
  type BotModel,
  type DialogRecord,
  type InteractionRecord,
} from './dialog-model';
import { fieldReads, variableReads } from '../../domain/reference-scan';
import { excerptAt, fieldOpeners, visitInteraction } from './reference-places';
import { runNow, STEP_BATCH, type Steps } from '../event-loop-slices';

type Holder = Pick<Usage, 'dialogId' | 'dialogName' | 'interactionId' | 'interactionName' | 'integrationId' | 'integrationName'>;

/** Whether `api_<rdv>Status` reads this integration: not when another integration's variable has that very name. */
export function statusSuffixIsOurs(model: BotModel, target: Integration): boolean {
  const statusName = `${target.responseDataVariable}Status`;
  return !model.integrations.some((item) => item.integration.id !== target.id && item.integration.responseDataVariable === statusName);
}

type Reads = (where: UsagePlace, value: string) => Array<Pick<Usage, 'kind' | 'excerpt'>>;

/**
 * What finds every read of the target's variable and fields in one string. The status check is made once per
 * search: made per string, walking every integration each time, a bot of 5,000 integrations took seconds
 * (its 15,000 scripts and fields times its 5,000 integrations).
 */
function readsOf(model: BotModel, target: Integration): Reads {
  const withStatus = statusSuffixIsOurs(model, target);
  return (where, value) => {
    const found: Array<Pick<Usage, 'kind' | 'excerpt'>> = [];
    for (const read of variableReads(value, target.responseDataVariable, withStatus))
      found.push({ kind: 'reads-variable', excerpt: excerptAt(value, read.index) });
    if (where === 'customDataFields') return found;
    for (const read of fieldReads(value, target.name, fieldOpeners(where)))
      found.push({ kind: 'reads-field', excerpt: excerptAt(value, read.index) });
    return found;
  };
}

function interactionHolder(model: BotModel, interaction: InteractionRecord): Holder {
  const dialog: DialogRecord | undefined = dialogOf(model, interaction);
  return {
    dialogId: interaction.dialogId,
    dialogName: dialog?.name ?? null,
    interactionId: interaction.id,
    interactionName: interaction.name,
    integrationId: null,
    integrationName: null,
  };
}

function integrationHolder(other: Integration): Holder {
  return {
    dialogId: null,
    dialogName: null,
    interactionId: null,
    interactionName: null,
    integrationId: other.id,
    integrationName: other.name,
  };
}

/**
 * Where the bot uses an integration: interactions that invoke it, code and texts that read its
 * variable or its custom data fields, and the scripts and fields of the bot's other integrations.
 */
export function* findUsagesSteps(model: BotModel, target: BotIntegration): Steps<Usage[]> {
  const integration = target.integration;
  const readsIn = readsOf(model, integration);
  const usages: Usage[] = [];
  for (const [index, interaction] of model.interactions.entries()) {
    if (index % STEP_BATCH === STEP_BATCH - 1) yield;
    const holder = interactionHolder(model, interaction);
    if (isIntegrationInteraction(interaction) && invokedIntegration(model, interaction)?.integration.id === integration.id) {
      usages.push({
        ...holder,
        where: 'interaction',
        kind: 'invokes',
        excerpt: `Invokes ${interaction.responderName ?? integration.name}`,
      });
    }
    visitInteraction(interaction.raw, (where, value) => {
      for (const read of readsIn(where, value)) usages.push({ ...holder, where, ...read });
      return value;
    });
  }
  for (const [index, { integration: other }] of model.integrations.entries()) {
    if (index % STEP_BATCH === STEP_BATCH - 1) yield;
    if (other.id === integration.id) continue;
    const holder = integrationHolder(other);
    for (const read of readsIn('transformScript', other.transformScript)) usages.push({ ...holder, where: 'transformScript', ...read });
    for (const field of other.customDataFields) {
      for (const read of readsIn('customDataFields', field.value)) usages.push({ ...holder, where: 'customDataFields', ...read });
    }
  }
  return usages;
}

export const findUsages = (model: BotModel, target: BotIntegration): Usage[] => runNow(findUsagesSteps(model, target));
