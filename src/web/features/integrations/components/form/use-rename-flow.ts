import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { usagesProblemSchema, type ReferenceChange, type RenameInput } from '../../../../../domain/dialogs';
import { integrationInputSchema, type Integration, type IntegrationValues } from '../../../../../domain/integration';
import { errorMessage, isApiError } from '../../../../lib/api-client';
import { invalidateBotDialogs } from '../../../../lib/bot-dialog-keys';
import { integrationKeys } from '../../api/integration-keys';
import { renameIntegration } from '../../api/rename-integration';
import { upsertInListCache } from '../../api/update-integrations-cache';
import { valuesFromIntegration } from './form-values';

interface PendingRename {
  values: IntegrationValues;
  version: number;
  input: RenameInput;
  /** The dry run's answer; null while it is asked. */
  changes: ReferenceChange[] | null;
  error: string | null;
  busy: boolean;
}

export interface RenameDialogState {
  pending: PendingRename | null;
  from: string;
  confirm: () => void;
  cancel: () => void;
}

/** JSON with sorted keys: two values equal whatever order their fields were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

const storedValues = (integration: Integration): IntegrationValues | null => {
  const parsed = integrationInputSchema.safeParse(valuesFromIntegration(integration));
  return parsed.success ? parsed.data : null;
};

/**
 * What is left to save after the rename: the renamed integration (whose own script and fields the
 * rename rewrote too) with the form's other edits on top, field by field against the version the
 * edit started from. Null when the rename already holds everything.
 */
export function editsAfterRename(base: Integration, renamed: Integration, values: IntegrationValues): IntegrationValues | null {
  const before = storedValues(base);
  const after = storedValues(renamed);
  if (!before || !after) return values;
  const merged: Record<string, unknown> = { ...after };
  for (const [key, value] of Object.entries(values)) {
    if (key === 'name' || key === 'responseDataVariable') continue;
    if (canonical(value) !== canonical((before as Record<string, unknown>)[key])) merged[key] = value;
  }
  return canonical(merged) === canonical(after) ? null : (merged as IntegrationValues);
}

interface RenameFlowOptions {
  botId: string;
  integration: Integration | null;
  /** After the rename stored: `rest` is what remains to save on top of `renamed` (the form's other edits), or null. */
  onRenamed: (renamed: Integration, rest: IntegrationValues | null) => Promise<void>;
}

/**
 * A PUT that changes the name or the response data variable of a used integration answers 409
 * with the usages: the references have to change with it. The flow asks the server for the
 * changes a rename makes (dry run), shows them, and on confirmation renames (If-Match: the version
 * the edit started from), then hands the new version back so the other edits are saved on top.
 */
export function useRenameFlow({ botId, integration, onRenamed }: RenameFlowOptions) {
  const client = useQueryClient();
  const [pending, setPending] = useState<PendingRename | null>(null);
  const update = (patch: Partial<PendingRename>) => setPending((current) => (current ? { ...current, ...patch } : current));

  /** True when `error` is that 409 and the flow took over; false leaves the error to the caller. */
  function offer(error: unknown, values: IntegrationValues, version: number): boolean {
    if (!integration || !isApiError(error) || error.status !== 409) return false;
    const problem = usagesProblemSchema.safeParse(error.problem);
    if (!problem.success || !problem.data.usages?.length) return false;
    const input: RenameInput = { name: values.name, responseDataVariable: values.responseDataVariable };
    setPending({ values, version, input, changes: null, error: null, busy: true });
    renameIntegration(botId, integration.id, version, input, true).then(
      (dryRun) => update({ changes: dryRun.changes, busy: false }),
      (failure: unknown) => update({ error: errorMessage(failure), busy: false }),
    );
    return true;
  }

  async function confirm(): Promise<void> {
    if (!integration || !pending) return;
    update({ busy: true, error: null });
    try {
      const { integration: renamed } = await renameIntegration(botId, integration.id, pending.version, pending.input, false);
      client.setQueryData(integrationKeys.detail(botId, renamed.id), renamed);
      upsertInListCache(client, botId, renamed);
      void invalidateBotDialogs(client, botId);
      setPending(null);
      await onRenamed(renamed, editsAfterRename(integration, renamed, pending.values));
    } catch (failure) {
      update({ busy: false, error: errorMessage(failure) });
    }
  }

  const dialog: RenameDialogState = {
    pending,
    from: integration?.name ?? '',
    confirm: () => void confirm(),
    cancel: () => setPending(null),
  };
  return { offer, dialog, renaming: pending?.busy ?? false };
}
