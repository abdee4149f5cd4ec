import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReferenceChange, RenameInput } from '../../../../../domain/dialogs';
import type { Integration, IntegrationValues } from '../../../../../domain/integration';
import { errorMessage, isApiError } from '../../../../lib/api-client';
import { invalidateBotDialogs } from '../../../../lib/bot-dialog-keys';
import { integrationKeys } from '../../api/integration-keys';
import { renameIntegration } from '../../api/rename-integration';
import { upsertInListCache } from '../../api/update-integrations-cache';

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

interface RenameFlowOptions {
  botId: string;
  integration: Integration | null;
  /** After the rename stored, with the form's other edits in the same revision. */
  onRenamed: (renamed: Integration) => void;
}

/**
 * A PUT that changes the name or the response data variable of a used integration answers 409
 * with the usages: the references have to change with it. The flow asks the server for the
 * changes a rename makes to the form's values (dry run), shows them, and on confirmation renames
 * with them (If-Match: the version the edit started from): one revision holds the rename and the edits.
 */
export function useRenameFlow({ botId, integration, onRenamed }: RenameFlowOptions) {
  const client = useQueryClient();
  const [pending, setPending] = useState<PendingRename | null>(null);
  const update = (patch: Partial<PendingRename>) => setPending((current) => (current ? { ...current, ...patch } : current));

  /** True when `error` is that 409 and the flow took over; false leaves the error to the caller. */
  async function offer(error: unknown, values: IntegrationValues, version: number): Promise<boolean> {
    if (!integration || !isApiError(error) || error.status !== 409) return false;
    // zod is not on the form's first load: the schema comes when a rename needs it.
    const { usagesProblemSchema } = await import('../../../../../domain/dialogs');
    const problem = usagesProblemSchema.safeParse(error.problem);
    if (!problem.success || !problem.data.usages?.length) return false;
    // The form's other edits go with the rename, so the preview shows what is stored, in one revision.
    const input: RenameInput = { name: values.name, responseDataVariable: values.responseDataVariable, values };
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
      onRenamed(renamed);
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
