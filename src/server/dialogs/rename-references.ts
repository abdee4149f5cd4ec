import type { ReferenceChange, UsagePlace } from '../../domain/dialogs';
import type { Integration, IntegrationValues } from '../../domain/integration';
import { dialogOf, invokedIntegration, isIntegrationInteraction, type BotIntegration, type BotModel } from './dialog-model';
import { fieldReads, replaceFound, variableReads } from '../../domain/reference-scan';
import { changedLines, fieldOpeners, visitInteraction } from './reference-places';
import { statusSuffixIsOurs } from './usages';
import { runNow, STEP_BATCH, type Steps } from '../event-loop-slices';

type Json = Record<string, unknown>;

interface NewNames {
  name: string;
  responseDataVariable: string;
}

interface RenamePlan {
  /** The renamed integration's values: new names, and its own script and fields reading the new variable. */
  values: IntegrationValues;
  /** Other integrations whose script or fields change, with their new values. */
  others: Array<{ integration: Integration; values: IntegrationValues }>;
  /** The interactions that change, by id, rebuilt with the file's key order. */
  interactions: Map<string, Json>;
  changes: ReferenceChange[];
}

const noHolder = {
  dialogId: null,
  dialogName: null,
  interactionId: null,
  interactionName: null,
  integrationId: null,
  integrationName: null,
};

/** The values an integration is saved with: the stored record without its record fields. */
function valuesOf(integration: Integration): IntegrationValues {
  const { id: _id, botId: _botId, createdAt: _c, updatedAt: _u, version: _v, ...values } = integration;
  return values as IntegrationValues;
}

/**
 * Plans a rename: `responderName` of the interactions that invoke the integration, `api_<old>` in
 * code, texts and JSON paths, `{<old>.<key>}` in texts and code, and the bot's other integrations'
 * scripts and fields. Nothing else changes, so the rest of the kept file is written back as it was.
 */
export function* planRenameSteps(
  model: BotModel,
  target: BotIntegration,
  renamed: NewNames,
  /** The renamed integration's values to rewrite (the form's edits saved with the rename); its stored ones when absent. */
  ownValues: IntegrationValues = valuesOf(target.integration),
): Steps<RenamePlan> {
  const old = target.integration;
  const withStatus = statusSuffixIsOurs(model, old);
  const rewrite = (where: UsagePlace, value: string): string => {
    const oldVariable = `api_${old.responseDataVariable}`;
    let result =
      old.responseDataVariable === renamed.responseDataVariable
        ? value
        : replaceFound(
            value,
            variableReads(value, old.responseDataVariable, withStatus),
            (read) => `api_${renamed.responseDataVariable}${read.length === oldVariable.length ? '' : 'Status'}`,
          );
    if (old.name !== renamed.name && where !== 'customDataFields')
      result = replaceFound(result, fieldReads(result, old.name, fieldOpeners(where)), (read) => `${renamed.name}.${read.key}`);
    return result;
  };

  const changes: ReferenceChange[] = [];
  const note = (holder: Omit<ReferenceChange, 'where' | 'before' | 'after'>, where: UsagePlace, before: string, after: string) => {
    if (before !== after) changes.push({ ...holder, where, ...changedLines(before, after) });
  };

  const interactions = new Map<string, Json>();
  for (const [index, interaction] of model.interactions.entries()) {
    if (index % STEP_BATCH === STEP_BATCH - 1) yield;
    const holder = {
      ...noHolder,
      dialogId: interaction.dialogId,
      dialogName: dialogOf(model, interaction)?.name ?? null,
      interactionId: interaction.id,
      interactionName: interaction.name,
    };
    let rebuilt = visitInteraction(interaction.raw, (where, value) => {
      const after = rewrite(where, value);
      note(holder, where, value, after);
      return after;
    });
    const invokes = isIntegrationInteraction(interaction) && invokedIntegration(model, interaction)?.integration.id === old.id;
    const content = rebuilt.content as Json | undefined;
    if (invokes && content && typeof content.responderName === 'string' && content.responderName !== renamed.name) {
      note(holder, 'interaction', content.responderName, renamed.name);
      rebuilt = { ...rebuilt, content: { ...content, responderName: renamed.name } };
    }
    if (JSON.stringify(rebuilt) !== JSON.stringify(interaction.raw)) interactions.set(interaction.id, rebuilt);
  }

  const rewriteScripts = (integration: Integration, values: IntegrationValues): IntegrationValues => {
    const holder = { ...noHolder, integrationId: integration.id, integrationName: integration.name };
    const transformScript = rewrite('transformScript', values.transformScript);
    note(holder, 'transformScript', values.transformScript, transformScript);
    const customDataFields = values.customDataFields.map((field) => {
      const value = rewrite('customDataFields', field.value);
      note(holder, 'customDataFields', `${field.key}: ${field.value}`, `${field.key}: ${value}`);
      return { ...field, value };
    });
    return { ...values, transformScript, customDataFields };
  };

  const values = rewriteScripts(old, { ...ownValues, ...renamed });
  const others: RenamePlan['others'] = [];
  for (const [index, { integration }] of model.integrations.entries()) {
    if (index % STEP_BATCH === STEP_BATCH - 1) yield;
    if (integration.id === old.id) continue;
    const before = valuesOf(integration);
    const after = rewriteScripts(integration, before);
    if (JSON.stringify(after) !== JSON.stringify(before)) others.push({ integration, values: after });
  }
  return { values, others, interactions, changes };
}

export const planRename = (model: BotModel, target: BotIntegration, renamed: NewNames, ownValues?: IntegrationValues): RenamePlan =>
  runNow(planRenameSteps(model, target, renamed, ownValues));
